//! Vector pages as a PDF (pdf-writer): shapes as paths, text as text in a Type 0 font whose glyphs
//! are a subset of the printed font (subsetter), with a `ToUnicode` map so the text can be searched
//! and copied. Transparency through `ExtGState`s; a gradient becomes flat strips.

use std::collections::{BTreeMap, BTreeSet};

use miniz_oxide::deflate::{CompressionLevel, compress_to_vec_zlib};
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish as _, Name, Pdf, Rect, Ref, Str, TextStr};

use super::font::PrintFont;
use super::{Doc, Line, Point, Rgba, Shape, circle_curves, gradient_strips};

/// The glyphs a document uses, renumbered from 1 for the subset.
struct Glyphs {
    remapper: subsetter::GlyphRemapper,
    /// New glyph id → the character it draws (for `ToUnicode`) and its advance (thousandths).
    new: BTreeMap<u16, (char, f32)>,
    /// Character → new glyph id.
    by_char: BTreeMap<char, u16>,
}

impl Glyphs {
    fn collect(doc: &Doc, font: &PrintFont<'_>) -> Self {
        let mut glyphs =
            Self { remapper: subsetter::GlyphRemapper::new(), new: BTreeMap::new(), by_char: BTreeMap::new() };
        for text in doc.texts() {
            for c in text.chars() {
                if glyphs.by_char.contains_key(&c) {
                    continue;
                }
                let old = font.glyph(c);
                let new = glyphs.remapper.remap(old);
                glyphs.by_char.insert(c, new);
                glyphs.new.entry(new).or_insert((c, font.advance_1000(old)));
            }
        }
        glyphs
    }

    /// A text as two bytes per glyph (Identity-H).
    fn encode(&self, text: &str) -> Vec<u8> {
        text.chars().flat_map(|c| self.by_char.get(&c).copied().unwrap_or(0).to_be_bytes()).collect()
    }
}

/// Every alpha below opaque that fills or strokes use, for their graphics states.
fn alphas(doc: &Doc) -> BTreeSet<u8> {
    fn walk(shapes: &[Shape], out: &mut BTreeSet<u8>) {
        for shape in shapes {
            let (fill, stroke) = paints(shape);
            out.extend(fill.into_iter().chain(stroke.map(|l| l.color)).map(|c| c.0[3]).filter(|&a| a < 255));
            match shape {
                Shape::Clip { shapes, .. } => walk(shapes, out),
                Shape::Gradient { min, max, left, right } => {
                    let n = gradient_strips(max[0] - min[0]);
                    out.extend((0..n).map(|k| strip_color(*left, *right, k, n).0[3]).filter(|&a| a < 255));
                }
                _ => {}
            }
        }
    }
    let mut out = BTreeSet::new();
    for page in &doc.pages {
        walk(&page.shapes, &mut out);
    }
    out
}

fn paints(shape: &Shape) -> (Option<Rgba>, Option<Line>) {
    match shape {
        Shape::Rect { fill, stroke, .. } | Shape::Circle { fill, stroke, .. } | Shape::Path { fill, stroke, .. } => {
            (*fill, *stroke)
        }
        Shape::Text { color, .. } => (Some(*color), None),
        Shape::Mesh { fill, .. } => (Some(*fill), None),
        Shape::Gradient { .. } | Shape::Clip { .. } => (None, None),
    }
}

/// The colour of strip `k` of `n`: the gradient's colour at the strip's middle.
fn strip_color(left: Rgba, right: Rgba, k: usize, n: usize) -> Rgba {
    left.lerp(right, (k as f32 + 0.5) / n as f32)
}

/// Writes the document as PDF bytes.
pub fn to_pdf(doc: &Doc, font: &PrintFont<'_>) -> Result<Vec<u8>, String> {
    let glyphs = Glyphs::collect(doc, font);
    let subset = subsetter::subset(font.data(), 0, &glyphs.remapper).map_err(|e| format!("font subset: {e}"))?;
    let mut pdf = Pdf::new();
    let mut next = Ref::new(1);
    let mut bump = || next.bump();
    let (catalog, tree, info, font_ref) = (bump(), bump(), bump(), bump());
    write_font(&mut pdf, &glyphs, font, &subset, font_ref, &mut bump)?;
    let states: Vec<(u8, Ref)> = alphas(doc).into_iter().map(|a| (a, bump())).collect();
    for &(a, id) in &states {
        let value = f32::from(a) / 255.0;
        pdf.ext_graphics(id).non_stroking_alpha(value).stroking_alpha(value);
    }
    let ids: Vec<(Ref, Ref)> = doc.pages.iter().map(|_| (bump(), bump())).collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids(ids.iter().map(|(page, _)| *page)).count(ids.len() as i32);
    pdf.document_info(info).title(TextStr(&doc.title)).creator(TextStr("Alliance Atlas"));
    for (page, &(page_id, content_id)) in doc.pages.iter().zip(&ids) {
        let mut writer = Writer { content: Content::new(), height: page.height, glyphs: &glyphs };
        for shape in &page.shapes {
            writer.shape(shape);
        }
        let stream = compress_to_vec_zlib(&writer.content.finish(), CompressionLevel::DefaultLevel as u8);
        pdf.stream(content_id, &stream).filter(Filter::FlateDecode);
        let mut p = pdf.page(page_id);
        p.parent(tree).media_box(Rect::new(0.0, 0.0, page.width, page.height)).contents(content_id);
        let mut resources = p.resources();
        resources.fonts().pair(Name(b"F1"), font_ref);
        let mut gs = resources.ext_g_states();
        for &(a, id) in &states {
            gs.pair(Name(format!("A{a}").as_bytes()), id);
        }
    }
    Ok(pdf.finish())
}

/// The Type 0 font, its CID font, descriptor, subset file and `ToUnicode` map.
fn write_font(
    pdf: &mut Pdf,
    glyphs: &Glyphs,
    font: &PrintFont<'_>,
    subset: &[u8],
    type0: Ref,
    bump: &mut impl FnMut() -> Ref,
) -> Result<(), String> {
    let (cid, descriptor, file, cmap) = (bump(), bump(), bump(), bump());
    // A subset's name starts with six capitals that differ with its glyphs.
    let tag: String = {
        let mut h: u32 = 2_166_136_261;
        for (&g, &(c, _)) in &glyphs.new {
            h = (h ^ (u32::from(g) << 16 | c as u32 & 0xffff)).wrapping_mul(16_777_619);
        }
        (0..6).map(|k| char::from(b'A' + ((h >> (k * 5)) % 26) as u8)).collect()
    };
    let base = format!("{tag}+NotoSansJP-Regular");
    let parsed = skrifa::FontRef::new(subset).map_err(|e| format!("font subset: {e}"))?;
    let cff = parsed.table_data(skrifa::Tag::new(b"CFF "));
    let system = SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };
    pdf.type0_font(type0)
        .base_font(Name(base.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap);
    let mut cid_font = pdf.cid_font(cid);
    cid_font
        .subtype(if cff.is_some() { CidFontType::Type0 } else { CidFontType::Type2 })
        .base_font(Name(base.as_bytes()))
        .system_info(system)
        .font_descriptor(descriptor)
        .default_width(0.0);
    if cff.is_none() {
        cid_font.cid_to_gid_map_predefined(Name(b"Identity"));
    }
    let mut widths = cid_font.widths();
    for (&g, &(_, w)) in &glyphs.new {
        widths.consecutive(g, [w]);
    }
    widths.finish();
    cid_font.finish();
    let (ascent, descent, cap_height, upem) = font.vertical();
    let k = 1000.0 / upem;
    let [x0, y0, x1, y1] = font.bbox();
    let mut fd = pdf.font_descriptor(descriptor);
    fd.name(Name(base.as_bytes()))
        .flags(FontFlags::SYMBOLIC)
        .bbox(Rect::new(x0 * k, y0 * k, x1 * k, y1 * k))
        .italic_angle(0.0)
        .ascent(ascent * k)
        .descent(descent * k)
        .cap_height(cap_height * k)
        .stem_v(80.0);
    let bytes = if let Some(table) = cff {
        fd.font_file3(file);
        fd.finish();
        table.as_bytes().to_vec()
    } else {
        fd.font_file2(file);
        fd.finish();
        subset.to_vec()
    };
    let packed = compress_to_vec_zlib(&bytes, CompressionLevel::DefaultLevel as u8);
    let mut stream = pdf.stream(file, &packed);
    stream.filter(Filter::FlateDecode);
    if cff.is_some() {
        stream.pair(Name(b"Subtype"), Name(b"CIDFontType0C"));
    }
    stream.finish();
    let mut map = UnicodeCmap::<u16>::new(Name(b"Atlas-UCS"), system);
    for (&g, &(c, _)) in &glyphs.new {
        map.pair(g, c);
    }
    pdf.cmap(cmap, &map.finish());
    Ok(())
}

/// One page's content stream being written.
struct Writer<'a> {
    content: Content,
    height: f32,
    glyphs: &'a Glyphs,
}

impl Writer<'_> {
    /// PDF's y grows up from the page's foot.
    fn y(&self, y: f32) -> f32 {
        self.height - y
    }

    fn alpha(&mut self, color: Rgba) {
        if color.0[3] < 255 {
            let name = format!("A{}", color.0[3]);
            self.content.set_parameters(Name(name.as_bytes()));
        }
    }

    fn shape(&mut self, shape: &Shape) {
        match shape {
            Shape::Clip { min, max, shapes } => {
                self.content.save_state();
                self.content.rect(min[0], self.y(max[1]), max[0] - min[0], max[1] - min[1]);
                self.content.clip_nonzero().end_path();
                for inner in shapes {
                    self.shape(inner);
                }
                self.content.restore_state();
            }
            Shape::Text { at, size, text, color } => {
                self.content.save_state();
                self.alpha(*color);
                let [r, g, b] = color.rgb_f32();
                let y = self.y(at[1]);
                self.content.set_fill_rgb(r, g, b).begin_text().set_font(Name(b"F1"), *size);
                self.content.set_text_matrix([1.0, 0.0, 0.0, 1.0, at[0], y]);
                self.content.show(Str(&self.glyphs.encode(text))).end_text();
                self.content.restore_state();
            }
            Shape::Gradient { min, max, left, right } => {
                let n = gradient_strips(max[0] - min[0]);
                let step = (max[0] - min[0]) / n as f32;
                for k in 0..n {
                    let color = strip_color(*left, *right, k, n);
                    // Strips overlap a hair so no seam shows between them.
                    let x = min[0] + step * k as f32;
                    let rect = Shape::Rect {
                        min: [x, min[1]],
                        max: [(x + step + 0.05).min(max[0]), max[1]],
                        radius: 0.0,
                        fill: Some(color),
                        stroke: None,
                    };
                    self.shape(&rect);
                }
            }
            Shape::Rect { min, max, radius, fill, stroke } => {
                self.paint(*fill, *stroke, |w| w.rounded_rect(*min, *max, *radius));
            }
            Shape::Circle { centre, radius, fill, stroke } => {
                self.paint(*fill, *stroke, |w| w.circle(*centre, *radius));
            }
            Shape::Path { points, closed, fill, stroke } => {
                self.paint(*fill, *stroke, |w| w.polyline(points, *closed));
            }
            Shape::Mesh { triangles, fill } => {
                self.paint(Some(*fill), None, |w| {
                    for triangle in triangles {
                        w.polyline(triangle, true);
                    }
                });
            }
        }
    }

    /// Fills and strokes the path `trace` draws, each in its own colour and alpha.
    fn paint(&mut self, fill: Option<Rgba>, stroke: Option<Line>, trace: impl Fn(&mut Self)) {
        if let Some(color) = fill.filter(|c| c.0[3] > 0) {
            self.content.save_state();
            self.alpha(color);
            let [r, g, b] = color.rgb_f32();
            self.content.set_fill_rgb(r, g, b);
            trace(self);
            self.content.fill_nonzero();
            self.content.restore_state();
        }
        if let Some(line) = stroke.filter(|l| l.color.0[3] > 0 && l.width > 0.0) {
            self.content.save_state();
            self.alpha(line.color);
            let [r, g, b] = line.color.rgb_f32();
            self.content.set_stroke_rgb(r, g, b).set_line_width(line.width);
            self.content.set_line_join(pdf_writer::types::LineJoinStyle::RoundJoin);
            trace(self);
            self.content.stroke();
            self.content.restore_state();
        }
    }

    fn polyline(&mut self, points: &[Point], closed: bool) {
        let Some((first, rest)) = points.split_first() else { return };
        let y = self.y(first[1]);
        self.content.move_to(first[0], y);
        for p in rest {
            let y = self.y(p[1]);
            self.content.line_to(p[0], y);
        }
        if closed {
            self.content.close_path();
        }
    }

    fn circle(&mut self, centre: Point, r: f32) {
        let (start, curves) = circle_curves(centre, r);
        let y = self.y(start[1]);
        self.content.move_to(start[0], y);
        for [a, b, c] in curves {
            let (ya, yb, yc) = (self.y(a[1]), self.y(b[1]), self.y(c[1]));
            self.content.cubic_to(a[0], ya, b[0], yb, c[0], yc);
        }
        self.content.close_path();
    }

    fn rounded_rect(&mut self, min: Point, max: Point, radius: f32) {
        let r = radius.min((max[0] - min[0]) / 2.0).min((max[1] - min[1]) / 2.0).max(0.0);
        if r < 0.01 {
            let y = self.y(max[1]);
            self.content.rect(min[0], y, max[0] - min[0], max[1] - min[1]);
            return;
        }
        let k = r * (1.0 - 0.552_284_8);
        let ([x0, y0], [x1, y1]) = (min, max);
        // Clockwise on screen from the top edge; each corner a quarter circle.
        self.content.move_to(x0 + r, self.height - y0);
        self.content.line_to(x1 - r, self.height - y0);
        self.content.cubic_to(x1 - k, self.height - y0, x1, self.height - y0 - k, x1, self.height - y0 - r);
        self.content.line_to(x1, self.height - y1 + r);
        self.content.cubic_to(x1, self.height - y1 + k, x1 - k, self.height - y1, x1 - r, self.height - y1);
        self.content.line_to(x0 + r, self.height - y1);
        self.content.cubic_to(x0 + k, self.height - y1, x0, self.height - y1 + k, x0, self.height - y1 + r);
        self.content.line_to(x0, self.height - y0 - r);
        self.content.cubic_to(x0, self.height - y0 - k, x0 + k, self.height - y0, x0 + r, self.height - y0);
        self.content.close_path();
    }
}

/// The number of pages a PDF's page tree counts, read from its bytes (the tree is not compressed),
/// so a test can check the file against the document.
pub fn page_count(pdf: &[u8]) -> Option<usize> {
    let text = String::from_utf8_lossy(pdf);
    let at = text.find("/Type /Pages")?;
    let rest = &text[at..];
    let count = rest.find("/Count ")? + "/Count ".len();
    rest[count..].split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}
