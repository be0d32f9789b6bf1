/// A PDF given to `dubao import`: its pages read by poppler, each a section.
extension Importer {
    func parsePDF(file: String, name: String, warnings: inout [ImportWarning]) throws(ImportError) -> PageParser.Page {
        if file == Self.standardInput { throw .pdfFromStandardInput }
        let pages = try PDFReader.pages(ofFile: file)
        var page = PDFPageParser(fileName: name, numberFromName: PDFPageParser.pageNumber(inFileName: name)).parse(pages)
        if page.sections.allSatisfy({ $0.articles.isEmpty }) { throw .noArticles }
        // --section names a PDF of one page; a PDF of many names its pages itself.
        if let section = options.section, page.sections.count == 1 { page.sections[0].name = section }
        warnings += page.warnings
        return page
    }
}
