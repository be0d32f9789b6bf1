import Testing
@Test func placeholderDubaoCoreTests() { #expect(1 + 1 == 2) }
