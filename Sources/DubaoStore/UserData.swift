import DubaoModel
/// The user's own data — bookmarks and reading state — behind one interface, so the reader's
/// runtime can be tested without files.
public protocol UserData: Sendable {
    func bookmarks() throws(StoreError) -> [Bookmark]
    @discardableResult func add(_ bookmark: Bookmark) throws(StoreError) -> Bool
    @discardableResult func removeBookmark(id: ArticleID) throws(StoreError) -> Bookmark?
    func readingState() throws(StoreError) -> ReadingState
    /// The last place and the marks of these years only (`ReadingStateStore.yearKey`).
    func readingState(years: Set<String>) throws(StoreError) -> ReadingState
    func apply(_ changes: [ReadingChange]) throws(StoreError)
    /// What can be read of these years and the last place, and the files that could not be.
    func readingStateAvailable(years: Set<String>) -> (state: ReadingState, failures: [StoreError])
}

extension UserData {
    /// For stores small enough to read whole: every year, whichever were asked for.
    public func readingState(years: Set<String>) throws(StoreError) -> ReadingState { try readingState() }

    public func readingStateAvailable(years: Set<String>) -> (state: ReadingState, failures: [StoreError]) {
        do { return (try readingState(years: years), []) } catch { return (ReadingState(), [error]) }
    }
}

/// Bookmarks and reading state in the library folder.
public struct FolderUserData: UserData {
    let bookmarkStore: BookmarkStore
    let stateStore: ReadingStateStore

    public init(root: String) {
        bookmarkStore = BookmarkStore(root: root)
        stateStore = ReadingStateStore(root: root)
    }

    public func bookmarks() throws(StoreError) -> [Bookmark] { try bookmarkStore.all() }
    public func add(_ bookmark: Bookmark) throws(StoreError) -> Bool { try bookmarkStore.add(bookmark) }
    public func removeBookmark(id: ArticleID) throws(StoreError) -> Bookmark? { try bookmarkStore.remove(id: id) }
    public func readingState() throws(StoreError) -> ReadingState { try stateStore.load() }
    public func readingState(years: Set<String>) throws(StoreError) -> ReadingState { try stateStore.load(years: years) }
    public func apply(_ changes: [ReadingChange]) throws(StoreError) { try stateStore.apply(changes) }
    public func readingStateAvailable(years: Set<String>) -> (state: ReadingState, failures: [StoreError]) {
        stateStore.loadAvailable(years: years)
    }
}
