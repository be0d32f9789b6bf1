/// dubao's version, written here and nowhere else: `dubao --version` prints it, and a release
/// raises it. The minor number follows the issue whose work the release completes (0.14: issue 14).
enum DubaoVersion {
    static let current = "0.14.0"
}
