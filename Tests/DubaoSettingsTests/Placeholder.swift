import Testing
@Test func placeholderDubaoSettingsTests() { #expect(Bool(true)) }
