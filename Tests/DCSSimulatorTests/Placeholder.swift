import Testing

@Test func dcimulatortetPlaceholderBuilds() { #expect(1 + 1 == 2) }
