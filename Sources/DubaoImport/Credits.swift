import DubaoStore
import DubaoModel
import CByteScan

/// Datelines, credits and bylines: how a Chinese paper says where a story comes from and who wrote it.
enum Credits {
    /// A lead's opening: `本报讯`, `新华社北京3月24日电`, `本报长春3月25日讯`, then an optional credit.
    struct Lead: Equatable {
        var dateline: String
        var credit: String
        var reporters: [String]
        /// The paragraph text after dateline and credit.
        var rest: Substring
    }

    static let agencies = ["本报讯", "新华社", "中新社", "中新网", "新华网", "人民网", "央视网", "本报", "人民日报", "光明日报",
                           "经济日报", "法治日报", "中国日报", "央广网", "国际在线", "据新华社", "据本报"]

    /// Role words around names in credits; longest first so `见习记者` is not read as `记者`.
    static let roles = ["本报特约记者", "本报见习记者", "本报实习生", "本报通讯员", "本报记者", "新华社记者", "中新社记者",
                        "特约撰稿人", "特约记者", "见习记者", "首席记者", "实习记者", "融媒体记者", "融媒记者", "全媒体记者",
                        "通讯员", "实习生", "评论员", "撰稿人", "记者", "摄影", "摄像", "文/图", "文／图", "图/文", "图／文"]

    static let ornaments: Set<Unicode.Scalar> = ["□", "■", "◎", "●", "○", "◇", "◆", "☆", "★", "▲", "△", "▼", "·", "•", "◆", "|", "｜"]

    /// First characters of the agencies above, to turn most lines away before comparing prefixes.
    static let agencyInitials: Set<Unicode.Scalar> = Set(agencies.compactMap(\.unicodeScalars.first))

    /// The agencies as UTF-8, compared as bytes: `Substring.hasPrefix` compares graphemes, and
    /// paragraphs that begin with 中, 新 or 人 made it a tenth of the import's time.
    static let agencyBytes: [(name: String, utf8: [UInt8])] = agencies.map { ($0, Array($0.utf8)) }

    /// Scalars that end a dateline's place-and-date scan: sentence words, and the first
    /// characters of roles (`本报记者 甲 通讯员 乙` holds a 讯 that is no dateline's).
    static let datelineStoppers: Set<Unicode.Scalar> = Set("的了是在和为记者通员".unicodeScalars)

    /// `新华社北京1月2` cut off by a column before its 电: a lead's opening, never a headline.
    static func startsWithAgency(_ line: Substring) -> Bool {
        guard let initial = line.unicodeScalars.first, agencyInitials.contains(initial) else { return false }
        return agencyBytes.contains { line.utf8.starts(with: $0.utf8) }
    }

    static func lead(_ line: Substring) -> Lead? {
        let s = line
        guard let initial = s.unicodeScalars.first, agencyInitials.contains(initial),
              let (agency, agencyUTF8) = agencyBytes.first(where: { s.utf8.starts(with: $0.utf8) }) else { return nil }
        var index = s.utf8.index(s.startIndex, offsetBy: agencyUTF8.count)
        if agency != "本报讯" {
            // `新华社北京3月24日电`, `本报长春3月25日讯`, `新华社电`: a place and a date, then 电 or 讯.
            // On scalars, as the rest of this: every paragraph opening with 本 or 新 comes here.
            let scalars = s.unicodeScalars
            var scanned = 0
            var found = false
            var i = index
            while i < s.endIndex, scanned < 16 {
                let c = scalars[i]
                if c == "电" || c == "讯" {
                    found = true
                    index = scalars.index(after: i)
                    break
                }
                guard Scalars.isHan(c) || Scalars.isDigit(c) || c == " " else { break }
                // A dateline names a place and a date, never a sentence.
                if datelineStoppers.contains(c) { break }
                scanned += 1
                i = scalars.index(after: i)
            }
            guard found else { return nil }
        }
        let dateline = String(s[s.startIndex..<index])
        var rest = s[index...]
        var credit = ""
        var reporters: [String] = []
        var start = rest.startIndex
        // `本报北京1月14日电\u{a0}\u{a0}（记者…）`: electronic editions set NBSPs there.
        while start < rest.endIndex, ChineseText.isBlank(rest.unicodeScalars[start]) {
            start = rest.unicodeScalars.index(after: start)
        }
        let afterSpace = rest[start...]
        if let open = afterSpace.unicodeScalars.first, "(（【[〔".unicodeScalars.contains(open) {
            let close: Unicode.Scalar = open == "(" ? ")" : open == "（" ? "）" : open == "【" ? "】" : open == "[" ? "]" : "〕"
            let body = afterSpace.unicodeScalars.dropFirst()
            if let end = body.prefix(60).firstIndex(where: { $0 == close || (open == "(" && $0 == "）") || (open == "（" && $0 == ")") }) {
                let inside = Substring(body[body.startIndex..<end])
                if !inside.unicodeScalars.contains(where: { $0 == "。" || $0 == "，" }) {
                    let after = body.index(after: end)
                    credit = String(afterSpace[afterSpace.startIndex..<after])
                    reporters = names(in: inside)
                    rest = Substring(body[after...])
                }
            }
        } else if afterSpace.hasPrefix("记者") || afterSpace.hasPrefix("通讯员"),
                  let said = afterSpace.prefix(40).firstRange(of: "报道："),
                  !afterSpace[afterSpace.startIndex..<said.lowerBound].unicodeScalars.contains(where: ChineseText.isProsePunctuation) {
            // `新华社…电 记者岳川、马岩报道：…`: the names end at 报道 and its colon.
            credit = String(afterSpace[afterSpace.startIndex..<said.upperBound])
            reporters = names(in: afterSpace[afterSpace.startIndex..<said.lowerBound])
            rest = afterSpace[said.upperBound...]
        } else if afterSpace.hasPrefix("记者") || afterSpace.hasPrefix("通讯员") {
            // `本报讯 记者 甲 乙 近日，…`: the credit runs up to the first space after a name.
            let words = afterSpace.split(maxSplits: 6, omittingEmptySubsequences: true,
                                         whereSeparator: { $0 == " " || $0 == "\u{3000}" })
            var end = afterSpace.startIndex
            for word in words.dropLast() {
                guard word.count <= 6, !word.contains("，"), !word.contains("。") else { break }
                end = word.endIndex
            }
            if end > afterSpace.startIndex {
                credit = String(afterSpace[afterSpace.startIndex..<end])
                reporters = names(in: afterSpace[afterSpace.startIndex..<end])
                rest = afterSpace[end...]
            }
        }
        return Lead(dateline: dateline, credit: credit, reporters: reporters, rest: ChineseText.trimmed(rest))
    }

    /// A byline on its own line: `本报记者 孙红丽`, `□本报记者 甲 通讯员 乙`, `◎记者 己`, `文/图 本报记者 庚`.
    /// First characters of a byline once ornaments and blanks are skipped: a role's, or 文/图.
    static let bylineInitials: Set<Unicode.Scalar> = Set(roles.compactMap(\.unicodeScalars.first) + ["文", "图"])

    /// A byline's names; `signedOnly` when it is only an ornament or `文/` and a name (`■王小河`),
    /// which inside an article's body is more likely a subheading.
    struct Byline: Equatable {
        var names: [String]
        var signedOnly = false
    }

    static func byline(_ line: Substring) -> Byline? {
        // Asked of every short line: turned away on its first real character, without graphemes.
        guard let initial = line.unicodeScalars.first(where: { !ornaments.contains($0) && !ChineseText.isBlank($0) }) else {
            return nil
        }
        let ornamented = line.unicodeScalars.first.map { ornaments.contains($0) } ?? false
        guard bylineInitials.contains(initial) || ornamented else { return nil }
        guard ChineseText.fits(line, within: 48),
              !line.unicodeScalars.contains(where: { ChineseText.isProsePunctuation($0) || $0 == "：" || $0 == ":" })
        else { return nil }
        var s = line.drop { $0.unicodeScalars.first.map { ornaments.contains($0) || ChineseText.isBlank($0) } ?? false }
        var signed = ornamented
        // `文/图 本报记者 庚`, `文/李白杨`, `图／本报记者 甲`: who wrote or photographed it.
        for prefix in ["文/图", "文／图", "图/文", "图／文", "文/", "文／", "图/", "图／"] where s.hasPrefix(prefix) {
            s = s.dropFirst(prefix.count).drop { $0 == " " || $0 == "\u{3000}" }
            signed = true
            break
        }
        guard !s.hasSuffix("摄") else { return nil }
        // `本报评论员`, `本报首席记者 丁一`: the paper's name may stand before any role.
        var role = s
        for agency in ["本报", "新华社", "中新社"] where role.hasPrefix(agency) {
            role = role.dropFirst(agency.count)
            break
        }
        // `记者手记`, `记者观察`: a column's label, not a reporter called 手记.
        if let r = roles.first(where: { role.hasPrefix($0) }), columnLabels.contains(String(role.dropFirst(r.count))) {
            return nil
        }
        if roles.contains(where: { s.hasPrefix($0) || role.hasPrefix($0) }) {
            let found = names(in: s)
            // `本报评论员` has no names and is still a byline.
            // `记者从西藏自治区第十一`: a sentence's words cut off by a column, not a name; names
            // run together (`李忠发王明峰`) or long (`阿卜杜热合曼`) are still names.
            let sentence = found.first?.unicodeScalars.first.map { sentenceOpeners.contains($0) } ?? false
            let named = found.allSatisfy { name in
                name.unicodeScalars.count <= 8
                    && name.unicodeScalars.allSatisfy { Scalars.isHan($0) || $0.properties.isAlphabetic || $0 == "·" || $0 == " " }
            }
            return found.count <= 8 && named && !(sentence && found[0].unicodeScalars.count > 4) ? Byline(names: found) : nil
        }
        // `■王小河`, `文/李白杨`: on arts pages a signed piece gives the author's name alone.
        guard signed else { return nil }
        let words = s.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "、" })
        guard !words.isEmpty, words.count <= 3,
              words.allSatisfy({ (2...4).contains($0.unicodeScalars.count) && $0.unicodeScalars.allSatisfy(Scalars.isHan) })
        else { return nil }
        return Byline(names: words.map(String.init), signedOnly: true)
    }

    /// Words that open a sentence's predicate right after 记者 (`记者从…获悉`, `记者在…看到`).
    static let sentenceOpeners: Set<Unicode.Scalar> = Set("从在向对将把被已也就到近日今昨前来于据为与和".unicodeScalars)

    static let columnLabels: Set<String> = ["手记", "观察", "调查", "追踪", "札记", "视点", "探访", "走访", "连线", "日记",
                                             "来信", "感言", "笔记", "体验", "蹲点", "见闻", "随笔", "点评", "专访"]

    /// Names in a credit: role words and ornaments removed, split at spaces and list marks.
    /// On scalars, since it runs for every article's credit and graphemes made it slow.
    static func names(in text: Substring) -> [String] {
        let t = withoutRoles(text)
        var out: [String] = []
        var previousLatin = false
        for token in t.unicodeScalars.split(whereSeparator: { nameSeparators.contains($0) }) {
            var word = token.drop { ornaments.contains($0) }
            for trailer in nameTrailers where word.count > trailer.count + 1 && word.reversed().starts(with: trailer.reversed()) {
                word = word.dropLast(trailer.count)
            }
            let name = String(String.UnicodeScalarView(word))
            if name.isEmpty || notNames.contains(name) { continue }
            // `Li Ming`: a name in Latin letters keeps its space.
            let latin = word.allSatisfy { $0.isASCII && $0.properties.isAlphabetic }
            if latin, previousLatin, !out.isEmpty {
                out[out.count - 1] += " " + name
            } else {
                out.append(name)
            }
            previousLatin = latin
        }
        return out
    }

    /// `text` with each role word, in the order of `roles`, made a space. On one byte buffer,
    /// and most roles turned away by a `dubao_find`: a credit line is asked about every role.
    static func withoutRoles(_ text: Substring) -> String {
        var bytes = Array(text.utf8)
        for role in roleBytes {
            if let replaced = bytes.replacingAll(role, with: [0x20]) { bytes = replaced }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let roleBytes: [[UInt8]] = roles.map { Array($0.utf8) }

    static let nameSeparators: Set<Unicode.Scalar> = [" ", "\u{3000}", "、", "，", ",", "/", "／", ";", "；", "|", "｜"]
    /// `甲报道`, `乙摄`: words that follow a name in a credit.
    static let nameTrailers: [[Unicode.Scalar]] = [Array("报道".unicodeScalars), Array("摄".unicodeScalars)]
    /// Words left between the separators that are not anybody's name.
    static let notNames: Set<String> = ["本报", "新华社", "中新社", "文", "图", "摄", "报道", "等", "综合"]

    /// Common Chinese family names, for telling a bare author's name (`李白杨`) from a short
    /// title (`老屋`).
    static let surnames: Set<Unicode.Scalar> = Set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤柳岳常葛温庄施牛洪齐".unicodeScalars)
    static let compoundSurnames = ["欧阳", "司马", "诸葛", "上官", "司徒", "东方", "皇甫", "令狐", "慕容", "夏侯"]

    /// Two or three Han characters starting with a common family name (four after a compound one).
    static func isProbableName(_ text: Substring) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.allSatisfy(Scalars.isHan), let first = scalars.first else { return false }
        if (3...4).contains(scalars.count), compoundSurnames.contains(where: { text.hasPrefix($0) }) { return true }
        return (2...3).contains(scalars.count) && surnames.contains(first)
    }

    /// `图为…`, `▲…`, `…本报记者 甲 摄`: a photo caption.
    static let captionPrefixes = ["图为", "图：", "图:", "▲", "△", "上图", "下图", "左图", "右图", "图①", "图②", "图③", "（图片", "(图片"]
    static let captionInitials: Set<Unicode.Scalar> = Set(captionPrefixes.compactMap(\.unicodeScalars.first))
    /// What a caption's text can end with, once closing brackets are trimmed: `摄`, `发`, `片`.
    static let captionEndings: Set<Unicode.Scalar> = ["摄", "发", "片"]

    static func isCaption(_ line: Substring) -> Bool {
        guard ChineseText.fits(line, within: 400), let initial = line.unicodeScalars.first else { return false }
        if captionInitials.contains(initial), captionPrefixes.contains(where: { line.hasPrefix($0) }) { return true }
        // The other captions end in a credit; look at the end only when it could be one.
        guard let ending = line.unicodeScalars.reversed().first(where: { !"）)】] \u{3000}".unicodeScalars.contains($0) }),
              captionEndings.contains(ending) || ending == "道" || line.unicodeScalars.last == "）" || line.unicodeScalars.last == ")"
        else { return false }
        var tail = line
        // `…摄（人民视觉）`, `…摄（影像中国）`: the photographer, then the agency or column. Many
        // paragraphs end in a bracket: the scalar before a short bracket turns them away first.
        if let last = tail.unicodeScalars.last, last == "）" || last == ")",
           let open = tail.unicodeScalars.suffix(10).lastIndex(where: { $0 == "（" || $0 == "(" }),
           let before = tail.unicodeScalars[..<open].last, before == "摄" || before == "道",
           tail[..<open].hasSuffix("摄") || tail[..<open].hasSuffix("摄影报道"), !tail[..<open].hasSuffix("拍摄") {
            return ChineseText.fits(tail, within: 120) || tail[..<open].suffix(12).contains(where: { $0 == " " || $0 == "\u{a0}" || $0 == "\u{3000}" })
        }
        // `…汤某 杨某摄影报道`: a photo story's credit.
        if tail.hasSuffix("摄影报道") {
            return tail.suffix(30).contains(where: { $0 == " " || $0 == "\u{a0}" || $0 == "\u{3000}" }) || tail.suffix(30).contains("记者")
        }
        while let last = tail.last, "）)】] \u{3000}".contains(last) { tail = tail.dropLast() }
        if tail.hasSuffix("摄") && !tail.hasSuffix("拍摄") && !tail.hasSuffix("摄摄") {
            return tail.suffix(24).contains("记者") || tail.dropLast().hasSuffix(" ") || tail.suffix(12).contains(" ")
                || tail.suffix(12).contains("\u{3000}")
        }
        return tail == "新华社发" || tail.hasSuffix("（资料图片") || tail.hasSuffix("(资料图片") || tail.hasSuffix("新华社发")
    }
}

/// `（下转第3版）` and `（上接第1版）`: an article that runs across pages.
enum ContinuationMarker {
    enum Direction { case continuesOn, continuedFrom }

    /// The marker if the whole text is one.
    static func whole(_ text: Substring) -> Direction? {
        guard let (direction, range) = find(in: text), range == text.startIndex..<text.endIndex else { return nil }
        return direction
    }

    /// A marker at the end of the text (`…。（下转第3版）`) and the text before it.
    static func trailing(_ text: Substring) -> (marker: Substring, before: Substring)? {
        guard text.unicodeScalars.last == "）" || text.unicodeScalars.last == ")" else { return nil }
        let tail = text.suffix(16)
        guard let open = tail.lastIndex(where: { $0 == "（" || $0 == "(" }) else { return nil }
        let candidate = text[open...]
        guard whole(candidate) == .continuesOn else { return nil }
        return (candidate, ChineseText.trimmed(text[..<open]))
    }

    /// A marker at the start of the text (`（上接第1版）…`) and the text after it.
    static func leading(_ text: Substring) -> (marker: Substring, after: Substring)? {
        guard text.unicodeScalars.first == "（" || text.unicodeScalars.first == "(" else { return nil }
        guard let close = text.prefix(16).firstIndex(where: { $0 == "）" || $0 == ")" }) else { return nil }
        let candidate = text[...close]
        guard whole(candidate) == .continuedFrom else { return nil }
        return (candidate, ChineseText.trimmed(text[text.index(after: close)...]))
    }

    static func find(in text: Substring) -> (Direction, Range<Substring.Index>)? {
        // Fourteen characters are at most 56 bytes: longer lines are turned away uncounted.
        guard text.utf8.count <= 56, let first = text.first, text.count <= 14 else { return nil }
        let inner: String
        if first == "（" || first == "(" {
            guard let last = text.last, last == "）" || last == ")" else { return nil }
            inner = text.dropFirst().dropLast().filter { $0 != " " }
        } else if first == "下" || first == "上" || first == "紧" {
            // `下转第3版` on a line of its own, without brackets.
            inner = text.filter { $0 != " " }
        } else {
            return nil
        }
        let direction: Direction
        var rest: Substring
        if inner.hasPrefix("下转") { direction = .continuesOn; rest = inner.dropFirst(2) }
        else if inner.hasPrefix("转") { direction = .continuesOn; rest = inner.dropFirst(1) }
        else if inner.hasPrefix("上接") || inner.hasPrefix("紧接") { direction = .continuedFrom; rest = inner.dropFirst(2) }
        else if inner.hasPrefix("接") { direction = .continuedFrom; rest = inner.dropFirst(1) }
        else { return nil }
        let scalars = Array(rest.unicodeScalars)
        guard !scalars.isEmpty, let (end, _) = PageFurniture.pageNumber(scalars, from: 0),
              end == scalars.count else { return nil }
        return (direction, text.startIndex..<text.endIndex)
    }
}
