import DubaoModel

/// A headline block — kicker (引题), title (主题), subtitle (副题) — and how to tell its lines apart.
struct HeadlineBlock: Equatable {
    var kicker = ""
    var title = ""
    var subtitle = ""

    /// A line's place in the block, where the page's type says it (a PDF's sizes) rather than its words.
    enum Role: Equatable, Sendable {
        case kicker, title, subtitle
    }

    /// The block whose lines' roles are known: each role's lines joined as one, with nothing
    /// between Chinese characters and a space between two Latin words.
    static func typeset(_ lines: [(role: Role, text: Substring)]) -> HeadlineBlock {
        var block = HeadlineBlock()
        func join(_ a: String, _ b: Substring) -> String {
            guard let last = a.unicodeScalars.last, let first = b.unicodeScalars.first else { return a + b }
            let latin = { (s: Unicode.Scalar) in s.isASCII && s.properties.isAlphabetic }
            return latin(last) && latin(first) ? a + " " + b : a + b
        }
        for line in lines {
            switch line.role {
            case .kicker: block.kicker = join(block.kicker, line.text)
            case .title: block.title = join(block.title, line.text)
            case .subtitle: block.subtitle = join(block.subtitle, line.text)
            }
        }
        return block
    }

    /// Can this line stand in a headline block? Headlines are short and carry no sentence punctuation.
    static func isCandidate(_ text: Substring) -> Bool {
        // `——以…为核心的党中央二〇一九年治国理政纪事`: a subtitle may run long and carry commas.
        if text.unicodeScalars.first == "—", text.hasPrefix("——"), ChineseText.fits(text, within: 120),
           !hasSentenceInside(text) {
            return true
        }
        // A column's name is set small after the title: `…就是要紧事（守初心 担使命 找差距 抓落实·…·整改落实）`
        // is as long as a paragraph, but its title alone is a title's length.
        let title = withoutColumnTag(text)
        guard ChineseText.fits(title, within: 70), ChineseText.fits(text, within: 160),
              !ChineseText.fits(text, within: 1) else { return false }
        var sawText = false
        var commas = 0
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let s = scalars[index]
            let next = scalars.index(after: index)
            if s == "，" || s == "," {
                // `把好事办好，把实事办实`: a title may pair two clauses with a comma; a line
                // ending in one, or longer, is prose.
                commas += 1
                if next == scalars.endIndex || commas > 2 || !ChineseText.fits(title, within: 48) { return false }
            } else if ChineseText.isProsePunctuation(s) {
                return false
            }
            // `记者：停车位缺口有多大？`: a speaker and a question is an interview, not a headline.
            if (s == "：" || s == ":"), next != scalars.endIndex,
               let last = scalars.last, last == "？" || last == "?" || last == "。" { return false }
            // `！` and `？` end exclamatory titles; inside a line they mean prose.
            if s == "！" || s == "？" || s == "!" || s == "?" {
                if next != scalars.endIndex, !"！？!?”\"".unicodeScalars.contains(scalars[next]),
                   !columnTagFollows(text, at: next) { return false }
            }
            if Scalars.isHan(s) || s.properties.isAlphabetic { sawText = true }
            index = next
        }
        guard sawText else { return false }
        // A kicker may end in `——` (`…在各地干部群众中引发热烈反响——`); a single dash is a cut word's.
        if let last = text.last, "、—-".contains(last), !text.hasSuffix("——") { return false }
        if isSubheading(text) || isBracketedNote(text) || bodyLabels.contains(String(text)) { return false }
        if let first = text.unicodeScalars.first, "■◆●▲△▼◇◎○□★☆".unicodeScalars.contains(first) { return false }
        // `，帮助沿山村民…` or `麓，在玛多县…`'s like: a line that opens with closing punctuation,
        // or leaves a quote or bracket open (`“要加强对优秀传统文化传承弘扬的支持和扶`), is a
        // piece of a paragraph a column cut, not a headline.
        if let first = text.unicodeScalars.first, ChineseText.isClosingMark(first) || first == "." { return false }
        return isBalanced(text)
    }

    /// Every `“`, `《` and `（` closed in the line, and never closed before it opens.
    static func isBalanced(_ text: Substring) -> Bool {
        var quotes = 0, titles = 0, brackets = 0
        for s in text.unicodeScalars {
            switch s {
            case "“": quotes += 1
            case "”": quotes -= 1
            case "《": titles += 1
            case "》": titles -= 1
            case "（", "(": brackets += 1
            case "）", ")": brackets -= 1
            default: continue
            }
            if quotes < 0 || titles < 0 || brackets < 0 { return false }
        }
        return quotes == 0 && titles == 0 && brackets == 0
    }

    /// Labels that head a small item of their own (`图片报道`): never a kicker over the next line.
    static let itemLabels: Set<String> = ["图片报道", "图片新闻", "广告", "简讯", "新书架", "微阅读"]

    /// `财经短波`, `新闻速递`, `医学资讯`, `来论`: a roundup's or a column's label over the briefs or
    /// the piece it gathers is the item's whole headline, and the lines under it (`第五届中国市场
    /// 风险管理大会举行` / `本报电…`) are its text, as the electronic edition files them. (On the
    /// month of 人民日报 set as printed pages: 8 more titles right on days 1–21, 1 on 22–31.)
    static func isRoundupLabel(_ line: Substring) -> Bool {
        line.utf8.count <= 18 && line.unicodeScalars.count <= 6
            && (["短波", "速递", "资讯", "快讯", "来论", "快评"].contains(where: { line.hasSuffix($0) })
                || line.hasPrefix("来论·") || line.hasPrefix("来论•"))
    }

    /// The time words a news lead opens with (`日前`, `近日`, `昨日`): text, never a headline's line.
    static let leadTimeWords = ["日前", "近日", "昨日", "前不久"]

    /// Labels that open an article's body (`核心阅读` above its summary): never part of a headline.
    static let bodyLabels: Set<String> = ["核心阅读", "内容提要", "编者按", "编者的话", "阅读提示"]

    /// `…（人民论坛）`, `…(消费视窗)`: a title that carries its column's name.
    static func endsWithColumnTag(_ text: Substring) -> Bool {
        guard let last = text.unicodeScalars.last, last == "）" || last == ")" else { return false }
        return !isBracketedNote(text)
    }

    /// The line without the column's name at its end (`endsWithColumnTag`), or the whole line.
    static func withoutColumnTag(_ text: Substring) -> Substring {
        guard endsWithColumnTag(text) else { return text }
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            switch text[index] {
            case "）", ")": depth += 1
            case "（", "(":
                depth -= 1
                if depth == 0 { return index == text.startIndex ? text : text[..<index] }
            default: break
            }
        }
        return text
    }

    /// A full stop anywhere in the line.
    static func hasFullStop(_ text: Substring) -> Bool {
        text.unicodeScalars.contains { $0 == "。" || $0 == "｡" }
    }

    /// A full stop anywhere, or `！` / `？` before the end: a paragraph, not a headline.
    static func hasSentenceInside(_ text: Substring) -> Bool {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let s = scalars[index]
            index = scalars.index(after: index)
            if s == "。" || s == "｡" { return true }
            if (s == "！" || s == "？" || s == "!" || s == "?"), index < scalars.endIndex,
               !"！？!?”\"’）)".unicodeScalars.contains(scalars[index]),
               !columnTagFollows(text, at: index) { return true }
        }
        return false
    }

    /// `政务微信公号过滥，关！（干部状态新观察）`: a bracket opens at `index`, right after a title's
    /// `！` or `？`, on a line that ends in its column's tag: that `！` ends no sentence inside it.
    static func columnTagFollows(_ text: Substring, at index: String.UnicodeScalarView.Index) -> Bool {
        "（(".unicodeScalars.contains(text.unicodeScalars[index]) && endsWithColumnTag(text)
    }

    /// `一、…`, `（二）…`, `3.…`: a subheading inside an article's body.
    static let subheadingInitials: Set<Unicode.Scalar> = Set("（(一二三四五六七八九十0123456789第".unicodeScalars)

    static func isSubheading(_ text: Substring) -> Bool {
        // Asked of every line: most start with none of these, and are turned away without graphemes.
        guard let initial = text.unicodeScalars.first, subheadingInitials.contains(initial) else { return false }
        let numerals = "一二三四五六七八九十"
        var t = text[...]
        // `第七章党内民主和监督`: a chapter's or section's heading in a law or a report. (Its
        // articles, `第十一条…`, are paragraphs, and end in a full stop.)
        if t.first == "第" {
            let digits = t.dropFirst().prefix { numerals.contains($0) || "百零〇".contains($0) || ($0.isASCII && $0.isNumber) }
            guard !digits.isEmpty else { return false }
            let rest = t.dropFirst(1 + digits.count)
            // Not `节` or `编`: `第一节课`, `第二节车厢`, `第一编辑部` are words of a sentence.
            return rest.hasPrefix("章") || rest.hasPrefix("部分")
        }
        if let first = t.first, first == "（" || first == "(" {
            t = t.dropFirst()
            let digits = t.prefix { numerals.contains($0) || $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let close = t.dropFirst(digits.count).first else { return false }
            return close == "）" || close == ")"
        }
        let digits = t.prefix { numerals.contains($0) || ($0.isASCII && $0.isNumber) }
        guard !digits.isEmpty, digits.count <= 3, let mark = t.dropFirst(digits.count).first else { return false }
        return mark == "、" || mark == "." || mark == "．" || (digits.first!.isNumber && mark == " ")
    }

    /// `（完）`, `(本报记者 甲 整理)`: a note, not a headline.
    static func isBracketedNote(_ text: Substring) -> Bool {
        guard let f = text.first, let l = text.last else { return false }
        return (f == "（" || f == "(") && (l == "）" || l == ")")
    }

    /// Splits the lines of a block into kicker, title and subtitle.
    ///
    /// A line ending in `：` and everything above it is the kicker; a line starting with `——`
    /// and everything below it is the subtitle. Otherwise the title is the longest line: papers
    /// set the 主题 in the largest type, and the 引题 and 副题 are the shorter lines around it.
    /// A very short line right after a long title is the title running over two lines.
    static func assign(_ lines: [Substring]) -> HeadlineBlock {
        var block = HeadlineBlock()
        guard !lines.isEmpty else { return block }
        if lines.count == 1 {
            block.title = String(lines[0])
            return block
        }
        // A line starting with `——`, or a speech's bracketed date (`（2019年12月31日）`) under its
        // title, and all below it (the salutation `同志们，朋友们：`) are the subtitle.
        var upper = lines.count
        if let sub = lines.indices.first(where: { $0 > 0 && (isSubtitleStart(lines[$0]) || isBracketedNote(lines[$0])) }) {
            upper = sub
        }
        // A kicker ends in a colon, in `——` (`…引发热烈反响——`) or in what a leader said
        // (`习近平在…时强调`); everything above it is kicker too.
        var lower = 0
        if let colon = lines[..<upper].dropLast().lastIndex(where: endsKicker) {
            lower = colon + 1
        }
        if upper <= lower {
            // Only markers: treat the first line after the kicker as the title.
            upper = min(lines.count, lower + 1)
        }
        let middle = Array(lines[lower..<upper])
        var titleStart = 0
        var titleEnd = middle.count
        let framed = lower > 0 && upper < lines.count
        if middle.count > 1 && !framed && upper < lines.count
            && !isTitleContinuation(middle[middle.count - 1], after: middle[middle.count - 2]) {
            // A `——` subtitle hangs under its title: the line right above it is the title, and
            // what stands above that is the kicker, however long (`深入学习贯彻…精神`).
            titleStart = middle.count - 1
            while titleStart > 0, endsUnfinished(middle[titleStart - 1]) { titleStart -= 1 }
        } else if middle.count > 1 && !framed, let tagged = middle.firstIndex(where: { endsWithColumnTag($0) }) {
            // `让我们一起奔跑（人民论坛）`: the line that carries the column's name is the title.
            titleStart = tagged
            titleEnd = tagged + 1
        } else if middle.count > 1 && !framed, let meeting = middle.firstIndex(where: { ChineseText.contains($0, meetingPhrase) }) {
            // `李克强主持召开国务院全体会议`: the meeting is the title, its business below it.
            titleStart = meeting
            titleEnd = meeting + 1
        } else if middle.count == 3 && lower == 0 && upper == lines.count
                    && !isTitleContinuation(middle[1], after: middle[0]) && !isTitleContinuation(middle[2], after: middle[1]) {
            // Three lines and no other cue: kicker, title and subtitle, as papers stack them.
            titleStart = 1
            titleEnd = 2
        } else if middle.count > 1 && !framed {
            // The title is the longest line, preferring lines without an inner space: kickers and
            // subtitles pair two phrases with a space (`党建领航 创新赋能`), titles rarely do.
            let widths = middle.map { ChineseText.roughWidth($0) }
            // A line listing a meeting's decisions (`部署…；研究…`, `代表中共中央，向…`) is a
            // subtitle, never the title.
            let spaced = middle.map { line in
                hasInnerSpace(line) || line.unicodeScalars.contains { $0 == "；" || $0 == ";" }
                    || (hasComma(line) && !ChineseText.fits(line, within: 56))
            }
            let candidates = spaced.contains(false) ? middle.indices.filter { !spaced[$0] } : Array(middle.indices)
            let longest = candidates.max { widths[$0] < widths[$1] || (widths[$0] == widths[$1] && $0 < $1) }!
            titleStart = longest
            titleEnd = longest + 1
            while titleStart > 0, endsUnfinished(middle[titleStart - 1]) || startsPredicate(middle[titleStart]),
                  !spaced[titleStart - 1] { titleStart -= 1 }
            while titleEnd < middle.count,
                  endsUnfinished(middle[titleEnd - 1]) || isTitleContinuation(middle[titleEnd], after: middle[longest]) {
                titleEnd += 1
            }
        }
        let kickerLines = Array(lines[..<lower]) + middle[..<titleStart]
        let titleLines = Array(middle[titleStart..<titleEnd])
        let subtitleLines = Array(middle[titleEnd...]) + lines[upper...]
        block.kicker = joinPhrases(kickerLines)
        block.title = joinBroken(titleLines)
        block.subtitle = joinPhrases(subtitleLines)
        return block
    }

    /// A space or U+3000 inside the line, found on scalars (Foundation's `contains` was most of
    /// the cost of giving a headline its roles).
    static func hasInnerSpace(_ line: Substring) -> Bool {
        line.unicodeScalars.contains { $0 == " " || $0 == "\u{3000}" }
    }

    static let meetingPhrase = Array("主持召开".utf8)

    /// `同志们，朋友们：`, `江城市某某村:`: a line ending in a full- or half-width colon.
    static func endsInColon(_ line: Substring) -> Bool {
        line.unicodeScalars.last == "：" || line.unicodeScalars.last == ":"
    }

    /// A full- or half-width comma anywhere in the line.
    static func hasComma(_ line: Substring) -> Bool {
        line.unicodeScalars.contains { $0 == "，" || $0 == "," }
    }

    /// Verbs that end a kicker reporting what a leader said (`习近平在…时强调`).
    static let kickerVerbs = ["强调", "指出", "表示", "要求", "提出"]

    static func endsKicker(_ line: Substring) -> Bool {
        endsInColon(line) || (line.hasSuffix("——") && !isSubtitleStart(line))
            || kickerVerbs.contains(where: { line.hasSuffix($0) })
    }

    /// `王沪宁出席并讲话`, `韩正等出席`: who attended, the subtitle under a meeting's title.
    static let attendanceEnds = ["出席", "主持", "出席会议", "参加", "讲话", "致辞", "会见"]

    /// `李克强王沪宁韩正出席`, `…出席 王沪宁主持`: names and what they did, no sentence around them.
    /// Narrower than `attendanceEnds`: `讲话`, `致辞`, `会见` also end titles, never a closing line of names.
    static func endsAttendance(_ line: Substring) -> Bool {
        ["出席", "主持", "出席会议", "主持会议"].contains(where: { line.hasSuffix($0) })
            && !line.unicodeScalars.contains(where: { ChineseText.isProsePunctuation($0) || $0 == "、" })
    }

    static func isSubtitleStart(_ line: Substring) -> Bool {
        line.hasPrefix("——") || line.hasPrefix("—") || line.hasPrefix("--") || line.hasPrefix("－－")
    }

    /// `长春市九台区打通司法便民服务` / `“最后一公里”`: too short to be a subtitle of its own.
    static func isTitleContinuation(_ line: Substring, after title: Substring) -> Bool {
        if attendanceEnds.contains(where: { line.hasSuffix($0) }) { return false }
        // `全国冬季旅游产品发布会` / `在哈尔滨举行`: a line that opens with a preposition or
        // a time word and ends in a verb is the predicate of the line above, not a subtitle.
        if startsPredicate(line), !hasInnerSpace(line), !title.unicodeScalars.contains(" "),
           ChineseText.roughWidth(line) < ChineseText.roughWidth(title) {
            return true
        }
        let w = ChineseText.roughWidth(line)
        return w <= 10 && w * 2 < ChineseText.roughWidth(title) && !hasInnerSpace(line)
            && !title.unicodeScalars.contains(" ") && !isSubtitleStart(line)
    }

    static let predicateOpeners = ["在", "于", "从", "向", "将", "已", "今日", "今天", "昨日", "昨天", "明日", "明天",
                                   "正式", "顺利", "圆满", "隆重", "首次", "全面", "成功"]
    static let predicateEnds = ["举行", "举办", "开幕", "闭幕", "启动", "开通", "通车", "开工", "竣工", "落幕", "召开",
                                "发布", "揭晓", "亮相", "上线", "投用", "完成", "结束", "开始", "开班", "签约",
                                "开跑", "开赛", "开业", "开放", "开园", "揭牌", "成立", "办结", "运行"]

    static func startsPredicate(_ line: Substring) -> Bool {
        predicateOpeners.contains(where: { line.hasPrefix($0) }) && predicateEnds.contains(where: { line.hasSuffix($0) })
    }

    /// `市儿童医院新院区的`: a line ending in a particle or preposition cannot end a headline.
    static func endsUnfinished(_ line: Substring) -> Bool {
        guard let last = line.last else { return false }
        return "的之与和及或在把将为对向从让被给以于跟同".contains(last)
    }

    /// Lines of one title that the page broke in two: Chinese joins without a space.
    static func joinBroken(_ lines: [Substring]) -> String {
        var out = ""
        for line in lines {
            if let a = out.unicodeScalars.last, let b = line.unicodeScalars.first,
               a.isASCII && a.properties.isAlphabetic && b.isASCII && b.properties.isAlphabetic {
                out += " "
            }
            out += line
        }
        return out
    }

    /// Separate phrases (two kicker lines): kept apart by a space.
    static func joinPhrases(_ lines: [Substring]) -> String {
        lines.map(String.init).joined(separator: " ")
    }
}
