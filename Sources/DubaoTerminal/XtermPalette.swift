/// xterm's default colours for the 256 palette indexes: what a theme's indexed colour looks like
/// on most terminals, for choosing a fallback on one with fewer colours and for reading a
/// terminal's background from `COLORFGBG`.
public enum XtermPalette {
    static let basic: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The RGB of colour `index`: 0–15 the basic and bright colours, 16–231 the 6×6×6 cube,
    /// 232–255 the grey ramp; nil outside 0–255.
    public static func rgb(_ index: Int) -> (r: Int, g: Int, b: Int)? {
        switch index {
        case 0..<16:
            return basic[index]
        case 16..<232:
            let n = index - 16
            return (cubeLevels[n / 36], cubeLevels[(n / 6) % 6], cubeLevels[n % 6])
        case 232..<256:
            let grey = 8 + 10 * (index - 232)
            return (grey, grey, grey)
        default:
            return nil
        }
    }
}
