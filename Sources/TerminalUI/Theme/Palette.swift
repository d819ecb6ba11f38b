/// The xterm colour palette, used to fit `#rrggbb` theme colours to 256, 16 or 8 colours.
enum Palette {
    /// xterm's default values for the 16 ANSI colours. Real terminals let users change these,
    /// which is why 256-colour fitting prefers the fixed cube and grey ramp (16–255).
    static let ansi: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    static func rgb(ofIndex index: Int) -> (Int, Int, Int) {
        switch index {
        case 0..<16:
            return ansi[index]
        case 16..<232:
            let i = index - 16
            return (cubeLevels[i / 36], cubeLevels[(i / 6) % 6], cubeLevels[i % 6])
        default:
            let level = 8 + 10 * (min(max(index, 232), 255) - 232)
            return (level, level, level)
        }
    }

    /// The palette index closest to `color` among the first `count` entries (8 or 16), or,
    /// for 256, among the cube and grey ramp.
    static func nearest(to color: (Int, Int, Int), among count: Int) -> Int {
        let candidates = count >= 256 ? Array(16..<256) : Array(0..<min(count, 16))
        var best = candidates[0]
        var bestDistance = Int.max
        for index in candidates {
            let d = distance(color, rgb(ofIndex: index))
            if d < bestDistance {
                best = index
                bestDistance = d
            }
        }
        return best
    }

    /// A cheap perceptual distance ("redmean"), good enough to pick a palette entry.
    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let meanRed = (a.0 + b.0) / 2
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        // Parenthesised: in Swift `>>` binds tighter than `*`.
        return (((512 + meanRed) * dr * dr) >> 8) + 4 * dg * dg + (((767 - meanRed) * db * db) >> 8)
    }
}
