internal import CCairo
internal import CGraphviz
import Foundation
import OrgGraphChart

/// A PDF of several pages, each of its own size, drawn with cairo in memory: titles, laid-out
/// graphs (drawn by Graphviz's cairo renderer into the page, through
/// `gvRenderContext`), named destinations and links between the pages.
///
/// Graphviz's renderer finishes the surface it is given at the end of its page, so each graph is
/// drawn into a sub-surface of the page (``drawGraph(_:context:x:y:scale:)``): finishing that
/// lets go of it and leaves the document open. The document carries no creation date, so the
/// same pages give the same bytes. Run in turn (``GraphvizSession``).
final class PDFDocument {
    /// Receives what cairo writes.
    private final class Output {
        var bytes: [UInt8] = []
    }

    /// The font of titles.
    static let titleFont = DOTWriter.fontName
    static let titleSize = 12.0

    private let output = Output()
    private let surface: OpaquePointer
    private let cairo: OpaquePointer
    /// The size of the page being drawn.
    private var pageSize = (width: 0.0, height: 0.0)

    /// Opens an empty document.
    init() {
        let writer: cairo_write_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let output = Unmanaged<Output>.fromOpaque(closure).takeUnretainedValue()
            output.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        surface = cairo_pdf_surface_create_for_stream(writer, Unmanaged.passUnretained(output).toOpaque(), 595, 842)
        // An empty creation date leaves the date out.
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "")
        cairo = cairo_create(surface)
    }

    /// Starts a page of `width` × `height` points, named `destination` for links to it.
    func beginPage(width: Double, height: Double, destination: String?) {
        cairo_pdf_surface_set_size(surface, width, height)
        pageSize = (width, height)
        if let destination {
            cairo_tag_begin(cairo, CAIRO_TAG_DEST, "name='\(destination)' x=0 y=0")
            cairo_tag_end(cairo, CAIRO_TAG_DEST)
        }
    }

    /// Writes `left` and `right` on one line whose baseline is at `y`, from `x` over `width`
    /// points, with a rule under it; `left` is cut short with `…` when both do not fit.
    func drawTitle(left: String, right: String, x: Double, y: Double, width: Double) {
        cairo_save(cairo)
        cairo_select_font_face(cairo, Self.titleFont, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD)
        cairo_set_font_size(cairo, Self.titleSize)
        cairo_set_source_rgb(cairo, 0.1, 0.1, 0.1)
        let rightWidth = advance(right)
        var shown = left
        let room = width - rightWidth - Self.titleSize
        if advance(shown) > room {
            while !shown.isEmpty, advance(shown + "…") > room { shown.removeLast() }
            shown += "…"
        }
        cairo_move_to(cairo, x, y)
        cairo_show_text(cairo, shown)
        cairo_move_to(cairo, x + width - rightWidth, y)
        cairo_show_text(cairo, right)
        cairo_set_source_rgb(cairo, 0.55, 0.55, 0.55)
        cairo_set_line_width(cairo, 0.6)
        cairo_move_to(cairo, x, y + 6)
        cairo_line_to(cairo, x + width, y + 6)
        cairo_stroke(cairo)
        cairo_restore(cairo)
    }

    /// Draws `page`'s graph with its top left corner at (`x`, `y`), scaled by `scale`.
    ///
    /// - Throws: ``GraphvizError`` when Graphviz cannot render it.
    func drawGraph(_ page: LaidOutPage, context: OpaquePointer, x: Double, y: Double, scale: Double)
        throws(GraphvizError)
    {
        let extents = cairo_surface_create_for_rectangle(surface, 0, 0, pageSize.width, pageSize.height)
        let inner = cairo_create(extents)
        defer {
            cairo_destroy(inner)
            cairo_surface_destroy(extents)
        }
        cairo_translate(inner, x, y)
        cairo_scale(inner, scale, scale)
        let status = gvRenderContext(context, page.laidOut.graph, "pdf:cairo", UnsafeMutableRawPointer(inner))
        guard status == 0, !GraphvizMessages.hasError else { throw GraphvizSession.shared.failure(.render) }
    }

    /// A link over the rectangle at (`x`, `y`), `width` × `height` points, to `destination`.
    func link(x: Double, y: Double, width: Double, height: Double, to destination: String) {
        let rect = [x, y, width, height].map { String(format: "%.2f", $0) }.joined(separator: " ")
        cairo_tag_begin(cairo, CAIRO_TAG_LINK, "rect=[\(rect)] dest='\(destination)'")
        cairo_tag_end(cairo, CAIRO_TAG_LINK)
    }

    func endPage() {
        cairo_show_page(cairo)
    }

    /// Closes the document and hands back its bytes.
    ///
    /// - Throws: ``GraphvizError`` when cairo reports a failure.
    func finish() throws(GraphvizError) -> [UInt8] {
        cairo_destroy(cairo)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw GraphvizError(stage: .render, messages: [String(cString: cairo_status_to_string(status))])
        }
        return output.bytes
    }

    /// Closes the document, dropping what was drawn.
    func discard() {
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    /// How far `text` advances in the current font.
    private func advance(_ text: String) -> Double {
        var extents = cairo_text_extents_t()
        cairo_text_extents(cairo, text, &extents)
        return extents.x_advance
    }
}
