//! The text layer of a PDF RAP sheet, as the lines a printed page shows.
//!
//! lopdf parses the file, its compressed streams and its fonts' encodings; what it
//! does not do is lay the text out: a PDF places each piece of text at a position,
//! and a RAP sheet printed to PDF places each line below the last. So the lines are
//! rebuilt here from those positions: text lower on the page starts a new line, a
//! move down of two lines or more leaves blank lines between (so a sheet printed to
//! PDF keeps the line numbers of its text), and text further along the same line is
//! set apart by a space. Lines are counted from the first page on.

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::{Document, Encoding, Object};

/// A page's decompressed content is far smaller than this; a file that inflates
/// beyond it is not a RAP sheet.
const MAX_PAGE_CONTENT: usize = 16 << 20;

/// Most blank lines one move down is read as: a larger gap (a footer, a signature
/// block) is not that many empty lines of the sheet.
const MAX_BLANK_LINES: usize = 3;

/// Why a PDF gives no text to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not a PDF lopdf can open: damaged, or locked with a password.
    Unreadable,
    /// Pages with no text on them: a scan, pictures of the pages.
    NoText,
}

/// The text of every page, one line per printed line, the pages one after another.
pub fn text(bytes: &[u8]) -> Result<String, Refusal> {
    let doc = Document::load_mem(bytes).map_err(|_| Refusal::Unreadable)?;
    let mut lines = Lines::default();
    for page in doc.get_pages().into_values() {
        let content = doc
            .get_page_content_with_limit(page, MAX_PAGE_CONTENT)
            .map_err(|_| Refusal::Unreadable)?;
        let content = Content::decode(&content).map_err(|_| Refusal::Unreadable)?;
        let encodings: BTreeMap<Vec<u8>, Encoding> = doc
            .get_page_fonts(page)
            .map_err(|_| Refusal::Unreadable)?
            .into_iter()
            .filter_map(|(name, font)| Some((name, font.get_font_encoding(&doc).ok()?)))
            .collect();
        lines.page(&content, &encodings);
    }
    let text = lines.done();
    if text.trim().is_empty() {
        return Err(Refusal::NoText);
    }
    Ok(text)
}

/// The lines so far, and where the text of the page being read stands.
#[derive(Default)]
struct Lines {
    text: String,
    /// Where the text of the last line stands on the page; `None` at a page's start.
    line_y: Option<f32>,
    /// The line matrix's height in text space, and its vertical scale (the text
    /// matrix's, signed: a page drawn upside down and flipped has it negative).
    y: f32,
    scale: f32,
    /// The vertical part of the page's transformation (`cm`): page height = `d`·y +
    /// `f`, and the ones saved by `q`. A browser's PDF flips its pages with it.
    ctm: (f32, f32),
    saved: Vec<(f32, f32)>,
    font_size: f32,
    leading: f32,
}

impl Lines {
    fn page(&mut self, content: &Content, encodings: &BTreeMap<Vec<u8>, Encoding>) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        self.line_y = None;
        (self.ctm, self.saved) = ((1.0, 0.0), Vec::new());
        let mut encoding = None;
        for op in &content.operations {
            let number = |i: usize| op.operands.get(i).and_then(|o| o.as_float().ok());
            let matrix = || -> Option<(f32, f32)> { Some((number(3)?, number(5)?)) };
            match (op.operator.as_str(), number(0), number(1)) {
                ("q", ..) => self.saved.push(self.ctm),
                ("Q", ..) => self.ctm = self.saved.pop().unwrap_or((1.0, 0.0)),
                ("cm", ..) => {
                    if let Some((d, f)) = matrix() {
                        let (old_d, old_f) = self.ctm;
                        self.ctm = (old_d * d, old_d * f + old_f);
                    }
                }
                ("BT", ..) => (self.y, self.scale) = (0.0, 1.0),
                ("Tf", _, Some(size)) => {
                    let name = op.operands.first().and_then(|o| o.as_name().ok());
                    encoding = name.and_then(|n| encodings.get(n));
                    self.font_size = size;
                }
                ("TL", Some(leading), _) => self.leading = leading,
                ("Td", _, Some(ty)) => self.y += ty * self.scale,
                ("TD", _, Some(ty)) => {
                    self.leading = -ty;
                    self.y += ty * self.scale;
                }
                ("Tm", ..) => {
                    if let Some((d, f)) = matrix() {
                        self.y = f;
                        self.scale = if d == 0.0 { 1.0 } else { d };
                    }
                }
                ("T*", ..) => self.y -= self.leading * self.scale,
                ("Tj" | "TJ" | "'" | "\"", ..) => {
                    if op.operator != "Tj" && op.operator != "TJ" {
                        self.y -= self.leading * self.scale;
                    }
                    if let Some(encoding) = encoding {
                        let shown = op.operands.last().map(|o| shown(o, encoding));
                        self.put(&shown.unwrap_or_default());
                    }
                }
                _ => {}
            }
        }
    }

    /// Text placed where the line matrix stands: on the last line, or lines below it.
    fn put(&mut self, shown: &str) {
        if shown.is_empty() {
            return;
        }
        let y = self.ctm.0 * self.y + self.ctm.1;
        let height = self.line_height();
        if let Some(last) = self.line_y {
            if (last - y).abs() < height / 2.0 {
                if !self.text.ends_with([' ', '\n']) && !shown.starts_with(' ') {
                    self.text.push(' ');
                }
            } else if last > y {
                let lines = ((last - y) / height).round() as usize;
                let lines = lines.clamp(1, MAX_BLANK_LINES + 1);
                self.text.extend(std::iter::repeat_n('\n', lines));
            } else {
                self.text.push('\n');
            }
        }
        self.line_y = Some(y);
        self.text.push_str(shown);
    }

    /// A line's height on the page: the leading set, or the text's size and a fifth.
    fn line_height(&self) -> f32 {
        let height = if self.leading > 0.0 {
            self.leading
        } else {
            self.font_size * 1.2
        };
        (height * self.scale * self.ctm.0).abs().max(1.0)
    }

    fn done(mut self) -> String {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        self.text
    }
}

/// The text a show operator's operand shows: a string, or an array of strings and
/// kerning, where a move back of a quarter of the text's size or more is a space.
fn shown(operand: &Object, encoding: &Encoding) -> String {
    match operand {
        Object::String(bytes, _) => Document::decode_text(encoding, bytes).unwrap_or_default(),
        Object::Array(parts) => {
            let mut out = String::new();
            for part in parts {
                match part {
                    Object::String(..) => out.push_str(&shown(part, encoding)),
                    kerning => {
                        let gap = -kerning.as_float().unwrap_or_default();
                        if gap >= 250.0 && !out.ends_with(' ') {
                            out.push(' ');
                        }
                    }
                }
            }
            out
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use lopdf::{Dictionary, Object, Stream, dictionary};

    use super::*;

    /// A PDF of these pages' content streams, in Courier as `/F1`.
    fn pdf_of(pages: &[&str]) -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let tree = doc.new_object_id();
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Courier",
        });
        let mut kids: Vec<Object> = Vec::new();
        for content in pages {
            let stream = Stream::new(Dictionary::new(), content.as_bytes().to_vec());
            let contents = doc.add_object(stream);
            let page = doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => tree,
                "Contents" => contents,
                "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
                "MediaBox" => [0, 0, 612, 792].map(Object::Integer).to_vec(),
            });
            kids.push(page.into());
        }
        let count = kids.len() as i64;
        let pages = dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count };
        doc.objects.insert(tree, Object::Dictionary(pages));
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => tree });
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        bytes
    }

    /// As a browser prints a page: flipped upside down by `cm`, each line placed by its
    /// own text matrix, the font at size 1 scaled by the matrix.
    #[test]
    fn lines_placed_by_a_flipped_page_read_in_order_with_their_blank_lines() {
        let line = |y: u32, text: &str| format!("BT /F1 1 Tf 9 0 0 -9 36 {y} Tm ({text}) Tj ET\n");
        let page = format!(
            "q 1 0 0 -1 0 792 cm\n{}{}{}Q\n",
            line(40, "CNT:01"),
            line(51, "  459.5 PC-SHOPLIFTING"),
            line(73, "*DISPO:CONVICTED"),
        );
        let text = text(&pdf_of(&[&page])).unwrap();
        assert_eq!(text, "CNT:01\n  459.5 PC-SHOPLIFTING\n\n*DISPO:CONVICTED\n");
    }

    /// Pieces of one line, placed along it or set apart by kerning, are one line with
    /// a space between; the next page goes on from a new line.
    #[test]
    fn pieces_of_a_line_are_joined_and_pages_follow_each_other() {
        let first = "BT /F1 9 Tf 36 700 Td (20150822) Tj 60 0 Td (CAPD FRESNO) Tj \
                     0 -11 Td [(CNT:01) -2000 (#15-88231)] TJ ET";
        let second = "BT /F1 9 Tf 12 TL 36 700 Td (COURT:) Tj T* (20151002  CASC FRESNO) Tj ET";
        let text = text(&pdf_of(&[first, second])).unwrap();
        assert_eq!(
            text,
            "20150822 CAPD FRESNO\nCNT:01 #15-88231\nCOURT:\n20151002  CASC FRESNO\n"
        );
    }

    #[test]
    fn a_pdf_without_text_and_a_broken_one_are_told_apart() {
        let picture = "q 612 0 0 792 0 0 cm /Im1 Do Q";
        assert_eq!(text(&pdf_of(&[picture])), Err(Refusal::NoText));
        let mut broken = pdf_of(&["BT /F1 9 Tf (x) Tj ET"]);
        broken.truncate(40);
        assert_eq!(text(&broken), Err(Refusal::Unreadable));
    }
}
