import CNcursesw
import DubaoTerminal
import DubaoTestSupport
import Glibc
import Testing
@testable import DubaoCurses

@Suite struct KeyTranslationTests {
    @Test func printableCharacters() {
        #expect(KeyTranslation.event(forCharacter: 0x6A) == .character("j"))
        #expect(KeyTranslation.event(forCharacter: 0x4A) == .character("J"))
        #expect(KeyTranslation.event(forCharacter: 0x20) == .character(" "))
        #expect(KeyTranslation.event(forCharacter: 0x3F) == .character("?"))
        #expect(KeyTranslation.event(forCharacter: 20013) == .character("中"))
        #expect(KeyTranslation.event(forCharacter: 0x3002) == .character("。"))
        #expect(KeyTranslation.event(forCharacter: 0x1F600) == .character("😀"))
    }

    @Test func namedControlCharacters() {
        #expect(KeyTranslation.event(forCharacter: 9) == .tab)
        #expect(KeyTranslation.event(forCharacter: 10) == .enter)
        #expect(KeyTranslation.event(forCharacter: 13) == .enter)
        #expect(KeyTranslation.event(forCharacter: 27) == .escape)
        #expect(KeyTranslation.event(forCharacter: 127) == .backspace)
        #expect(KeyTranslation.event(forCharacter: 8) == .backspace)
    }

    @Test func controlLetters() {
        #expect(KeyTranslation.event(forCharacter: 4) == .control("d"))
        #expect(KeyTranslation.event(forCharacter: 21) == .control("u"))
        #expect(KeyTranslation.event(forCharacter: 1) == .control("a"))
        #expect(KeyTranslation.event(forCharacter: 26) == .control("z"))
        for code in UInt32(1)...26 where ![8, 9, 10, 13].contains(code) {
            guard case .control(let letter)? = KeyTranslation.event(forCharacter: code) else {
                Issue.record("code \(code) is not a control letter")
                continue
            }
            #expect(letter.asciiValue == UInt8(code) + 96)
        }
    }

    @Test func otherControlsAndNonCharactersAreDropped() {
        for code: UInt32 in [0, 28, 29, 30, 31, 0x80, 0x85, 0x9B, 0x9F, 0xD800, 0xDFFF, 0xFFFE, 0xFFFF, 0x110000] {
            #expect(KeyTranslation.event(forCharacter: code) == nil, "code \(code)")
        }
    }

    @Test func functionKeys() {
        #expect(KeyTranslation.event(forKeyCode: KEY_UP) == .up)
        #expect(KeyTranslation.event(forKeyCode: KEY_DOWN) == .down)
        #expect(KeyTranslation.event(forKeyCode: KEY_LEFT) == .left)
        #expect(KeyTranslation.event(forKeyCode: KEY_RIGHT) == .right)
        #expect(KeyTranslation.event(forKeyCode: KEY_PPAGE) == .pageUp)
        #expect(KeyTranslation.event(forKeyCode: KEY_NPAGE) == .pageDown)
        #expect(KeyTranslation.event(forKeyCode: KEY_HOME) == .home)
        #expect(KeyTranslation.event(forKeyCode: KEY_END) == .end)
        #expect(KeyTranslation.event(forKeyCode: KEY_ENTER) == .enter)
        #expect(KeyTranslation.event(forKeyCode: KEY_BTAB) == .backTab)
        #expect(KeyTranslation.event(forKeyCode: KEY_BACKSPACE) == .backspace)
        #expect(KeyTranslation.event(forKeyCode: KEY_DC) == .delete)
        #expect(KeyTranslation.event(forKeyCode: dubao_KEY_F(1)) == .function(1))
        #expect(KeyTranslation.event(forKeyCode: dubao_KEY_F(12)) == .function(12))
    }

    @Test func keysLeftToTheTerminalOrUnused() {
        #expect(KeyTranslation.event(forKeyCode: KEY_RESIZE) == nil)
        #expect(KeyTranslation.event(forKeyCode: KEY_MOUSE) == nil)
        #expect(KeyTranslation.event(forKeyCode: KEY_IC) == nil)
        #expect(KeyTranslation.event(forKeyCode: dubao_KEY_F(0)) == nil)
    }

    @Test func mouse() {
        #expect(KeyTranslation.event(forMouseState: dubao_BUTTON1_PRESSED(), x: 3, y: 4)
            == .mouse(MouseEvent(kind: .press, x: 3, y: 4)))
        #expect(KeyTranslation.event(forMouseState: dubao_BUTTON4_PRESSED(), x: 10, y: 2)
            == .mouse(MouseEvent(kind: .wheelUp, x: 10, y: 2)))
        #expect(KeyTranslation.event(forMouseState: dubao_BUTTON5_PRESSED(), x: 0, y: 0)
            == .mouse(MouseEvent(kind: .wheelDown, x: 0, y: 0)))
        #expect(KeyTranslation.event(forMouseState: 0, x: 0, y: 0) == nil)
        // Releases, clicks and the other buttons (not in the mask dubao asks for) are nothing.
        let others = dubao_ALL_MOUSE_EVENTS() & ~(dubao_BUTTON1_PRESSED() | dubao_BUTTON4_PRESSED() | dubao_BUTTON5_PRESSED())
        #expect(others != 0)
        #expect(KeyTranslation.event(forMouseState: others, x: 0, y: 0) == nil)
    }

    @Test func rawHomeAndEndSequences() {
        let table = Dictionary(KeyTranslation.extraKeySequences.map { ($0.sequence, $0.code) }, uniquingKeysWith: { a, _ in a })
        for home in ["\u{1B}[1~", "\u{1B}[H", "\u{1B}OH"] { #expect(table[home] == KEY_HOME) }
        for end in ["\u{1B}[4~", "\u{1B}[F", "\u{1B}OF"] { #expect(table[end] == KEY_END) }
    }
}

@Suite struct InputClosedTests {
    @Test func openPipeWithoutDataIsNotClosed() {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        #expect(!CursesTerminal.inputIsClosed(fds[0]))
    }

    @Test func pipeWithDataIsNotClosed() {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        _ = write(fds[1], "j", 1)
        close(fds[1])
        #expect(!CursesTerminal.inputIsClosed(fds[0]))
    }

    @Test func pipeAtEndOfFileIsClosed() {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        // Other tests start programs meanwhile: a child spawned between pipe() and its exec holds
        // a copy of the write end until that exec, and the pipe has no end of file till then.
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        close(fds[1])
        waitUntil(seconds: 2) { CursesTerminal.inputIsClosed(fds[0]) }
        #expect(CursesTerminal.inputIsClosed(fds[0]))
    }

    @Test func invalidDescriptorIsClosed() {
        #expect(CursesTerminal.inputIsClosed(987))
    }
}
