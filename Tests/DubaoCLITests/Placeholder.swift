import Testing
@Test func placeholderDubaoCLITests() { #expect(1 + 1 == 2) }
