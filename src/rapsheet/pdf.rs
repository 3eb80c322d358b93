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
    /// Where the text of the last line began, on this page; `None` at a page's start.
    line_y: Option<f32>,
    /// The line matrix's origin, and the text's size on the page (font size times the
    /// text matrix's scale), for the height of a line when no leading is set.
    x: f32,
    y: f32,
    scale: f32,
    font_size: f32,
    leading: f32,
}

impl Lines {
    fn page(&mut self, content: &Content, encodings: &BTreeMap<Vec<u8>, Encoding>) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        self.line_y = None;
        let mut encoding = None;
        for op in &content.operations {
            let number = |i: usize| op.operands.get(i).and_then(|o| o.as_float().ok());
            match (op.operator.as_str(), number(0), number(1)) {
                ("BT", ..) => (self.x, self.y, self.scale) = (0.0, 0.0, 1.0),
                ("Tf", _, Some(size)) => {
                    let name = op.operands.first().and_then(|o| o.as_name().ok());
                    encoding = name.and_then(|n| encodings.get(n));
                    self.font_size = size;
                }
                ("TL", Some(leading), _) => self.leading = leading,
                ("Td", Some(tx), Some(ty)) => self.move_by(tx, ty),
                ("TD", Some(tx), Some(ty)) => {
                    self.leading = -ty;
                    self.move_by(tx, ty);
                }
                ("Tm", ..) => {
                    let m: Vec<f32> = (0..6).filter_map(number).collect();
                    if let [_, _, _, d, e, f] = m[..] {
                        (self.x, self.y, self.scale) = (e, f, d.abs().max(f32::EPSILON));
                    }
                }
                ("T*", ..) => self.move_by(0.0, -self.leading),
                ("Tj" | "TJ" | "'" | "\"", ..) => {
                    if op.operator != "Tj" && op.operator != "TJ" {
                        self.move_by(0.0, -self.leading);
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

    fn move_by(&mut self, tx: f32, ty: f32) {
        self.x += tx * self.scale;
        self.y += ty * self.scale;
    }

    /// Text placed where the line matrix stands: on the last line, or lines below it.
    fn put(&mut self, shown: &str) {
        if shown.is_empty() {
            return;
        }
        match self.line_y {
            Some(y) if (y - self.y).abs() < self.line_height() / 2.0 => {
                if !self.text.ends_with([' ', '\n']) && !shown.starts_with(' ') {
                    self.text.push(' ');
                }
            }
            Some(y) if y > self.y => {
                let lines = ((y - self.y) / self.line_height()).round() as usize;
                let lines = lines.clamp(1, MAX_BLANK_LINES + 1);
                self.text.extend(std::iter::repeat_n('\n', lines));
            }
            Some(_) => self.text.push('\n'),
            None => {}
        }
        self.line_y = Some(self.y);
        self.text.push_str(shown);
    }

    /// A line's height on the page: the leading set, or the text's size and a fifth.
    fn line_height(&self) -> f32 {
        let height = if self.leading > 0.0 {
            self.leading
        } else {
            self.font_size * 1.2
        };
        (height * self.scale).max(1.0)
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
