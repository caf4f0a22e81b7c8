import Testing

@Test func endtoendtetPlaceholderBuilds() { #expect(1 + 1 == 2) }
