import Testing
@Test func placeholderDubaoCursesTests() { #expect(Bool(true)) }
