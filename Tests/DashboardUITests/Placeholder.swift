import Testing

@Test func dahboarduitetPlaceholderBuilds() { #expect(1 + 1 == 2) }
