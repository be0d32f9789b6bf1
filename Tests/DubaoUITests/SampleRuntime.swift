import DubaoImport
import DubaoRuntime
import DubaoText
import DubaoUI

/// The runtime on the sample paper, and keys typed into it: what most reducer tests start from.
enum SampleRuntime {
    static func start(_ width: Int = 120, _ height: Int = 40, language: Language = .english) throws -> AppRuntime {
        let r = AppRuntime(state: AppState(width: width, height: height, settings: ReaderSettings(language: language)),
                           library: try SampleLibrary())
        r.start(isSample: true)
        return r
    }
}

extension AppRuntime {
    /// Each character of `text` as a key.
    func keys(_ text: String) {
        for c in text { dispatch(.key(.character(c))) }
    }
}
