import DubaoSettings
import DubaoText
import Foundation

/// The language of every line dubao prints on the command line: config.toml's `language`, else
/// the locale's. A config that cannot be read leaves the choice to the locale, so its own error
/// is told in the locale's language. JSON output is the same in every language.
let texts: Texts = {
    let environment = ProcessInfo.processInfo.environment
    let config = try? configRead.get()
    return Texts(config?.language(environment: environment) ?? Language.fromLocale(environment))
}()

/// config.toml as the command line read it once. Its error is told by every command: `read`
/// refuses to start, the others say it in a warning and go on without the file.
let configRead: Result<Config, SettingsError> = {
    do throws(SettingsError) {
        return .success(try ConfigLoader.load(environment: ProcessInfo.processInfo.environment))
    } catch {
        return .failure(error)
    }
}()

extension Texts {
    /// `3 sections, 12 articles`, `3 个版面，12 篇文章`.
    func sectionsAndArticles(_ sections: Int, _ articles: Int) -> String {
        self(.cliCounts, self.sections(sections), self.articles(articles))
    }

    func sections(_ n: Int) -> String { self(n == 1 ? .cliSectionCountOne : .cliSectionCount, n) }

    func articles(_ n: Int) -> String { self(n == 1 ? .cliArticleCountOne : .cliArticleCount, n) }
}
