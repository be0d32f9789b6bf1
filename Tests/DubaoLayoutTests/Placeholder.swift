import Testing
@Test func placeholderDubaoLayoutTests() { #expect(1 + 1 == 2) }
