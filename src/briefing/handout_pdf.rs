//! Slide export: a one-file PDF handout (pdf-writer) with each slide's picture, its title and its
//! talking points. The PNGs come from the app's own screenshots (see `app.rs`).

use miniz_oxide::deflate::{CompressionLevel, compress_to_vec_zlib};
use pdf_writer::{Content, Filter, Finish as _, Name, Pdf, Rect, Ref, Str};

use crate::briefing::Step;

/// One exported slide: its picture (RGB, 8 bits a channel) and its step.
#[derive(Clone, Debug)]
pub struct SlideImage {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Row-major RGB bytes.
    pub rgb: Vec<u8>,
}

/// A4 landscape, in points.
const PAGE: (f32, f32) = (842.0, 595.0);
const MARGIN: f32 = 36.0;

/// Text in the PDF's standard Helvetica (`WinAnsiEncoding`): Latin-1 plus the usual typographic
/// marks; anything else becomes "?".
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '–' => 0x96,
            '—' => 0x97,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '…' => 0x85,
            '€' => 0x80,
            c if (c as u32) < 0x100 => c as u8,
            _ => b'?',
        })
        .collect()
}

/// Splits text into lines of at most `width` characters at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

/// Talking points as plain lines: markdown bullets become "•", emphasis marks go.
fn plain_points(points: &str) -> String {
    points
        .lines()
        .map(|l| {
            let l = l.trim_start();
            let l = l
                .strip_prefix("- ")
                .or_else(|| l.strip_prefix("* "))
                .map_or_else(|| l.to_owned(), |rest| format!("• {rest}"));
            l.replace("**", "").replace('`', "")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Line height as a multiple of the type size.
const LEADING: f32 = 1.27;

/// The type size (11 pt or less) at which `text`, wrapped to the page's width, fits `height` points,
/// and its lines; below 6.5 pt the lines that do not fit are dropped with an ellipsis line.
fn fitted_lines(text: &str, height: f32) -> (f32, Vec<String>) {
    let mut size: f32 = 11.0;
    loop {
        // Helvetica averages about half an em a character: 120 characters at 11 pt fill the width.
        let width = (120.0 * 11.0 / size) as usize;
        let mut lines = wrap(text, width);
        let room = (height / (size * LEADING)).floor().max(1.0) as usize;
        if lines.len() <= room {
            return (size, lines);
        }
        if size <= 6.5 {
            lines.truncate(room.saturating_sub(1));
            lines.push("…".to_owned());
            return (size, lines);
        }
        size = (size - 0.5).max(6.5);
    }
}

/// The handout: one A4 landscape page per slide, the picture on top and the talking points below;
/// a caveat `banner` ("UNCLASSIFIED // FOR TRAINING") is printed at the top and the foot of every page.
pub fn handout_pdf(title: &str, banner: Option<&str>, slides: &[(SlideImage, Step)]) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let (catalog, tree, font) = (Ref::new(1), Ref::new(2), Ref::new(3));
    let font_name = Name(b"F1");
    let pages: Vec<Ref> = (0..slides.len()).map(|i| Ref::new(10 + 3 * i as i32)).collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids(pages.iter().copied()).count(slides.len() as i32);
    pdf.type1_font(font).base_font(Name(b"Helvetica")).encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.document_info(Ref::new(4)).title(pdf_writer::TextStr(title));
    for (i, (image, step)) in slides.iter().enumerate() {
        let (page_id, image_id, content_id) = (pages[i], Ref::new(11 + 3 * i as i32), Ref::new(12 + 3 * i as i32));
        let image_name = Name(b"Im1");
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE.0, PAGE.1));
        page.parent(tree);
        page.contents(content_id);
        let mut resources = page.resources();
        resources.x_objects().pair(image_name, image_id);
        resources.fonts().pair(font_name, font);
        resources.finish();
        page.finish();
        let data = compress_to_vec_zlib(&image.rgb, CompressionLevel::DefaultLevel as u8);
        let mut xobject = pdf.image_xobject(image_id, &data);
        xobject.filter(Filter::FlateDecode);
        xobject.width(image.width as i32);
        xobject.height(image.height as i32);
        xobject.color_space().device_rgb();
        xobject.bits_per_component(8);
        xobject.finish();
        let mut content = page_content(image, step, font_name, image_name, i + 1, slides.len());
        if let Some(banner) = banner {
            // Operators must be apart: a content stream ends without a newline.
            content.push(b'\n');
            content.extend(banner_content(banner, font_name));
        }
        pdf.stream(content_id, &content);
    }
    pdf.finish()
}

/// The caveat line, centred in the top and the bottom margin (Helvetica's capitals are about 0.67 em
/// wide on average, which centres a marking line to within a few points).
fn banner_content(banner: &str, font: Name<'_>) -> Vec<u8> {
    const SIZE: f32 = 10.0;
    let width = banner.chars().count() as f32 * SIZE * 0.62;
    let x = ((PAGE.0 - width) / 2.0).max(MARGIN);
    let mut content = Content::new();
    for y in [PAGE.1 - MARGIN * 0.55, MARGIN * 0.2] {
        content.begin_text();
        content.set_font(font, SIZE);
        content.next_line(x, y);
        content.show(Str(&win_ansi(banner)));
        content.end_text();
    }
    content.finish().to_vec()
}

fn page_content(
    image: &SlideImage,
    step: &Step,
    font: Name<'_>,
    picture: Name<'_>,
    number: usize,
    total: usize,
) -> Vec<u8> {
    // The picture fills the top 62 % of the page, keeping its aspect ratio.
    let box_w = PAGE.0 - 2.0 * MARGIN;
    let box_h = PAGE.1 * 0.62;
    let scale = (box_w / image.width.max(1) as f32).min(box_h / image.height.max(1) as f32);
    let (w, h) = (image.width as f32 * scale, image.height as f32 * scale);
    let mut content = Content::new();
    content.save_state();
    content.transform([w, 0.0, 0.0, h, MARGIN, PAGE.1 - MARGIN - h]);
    content.x_object(picture);
    content.restore_state();
    let mut y = PAGE.1 - MARGIN - h - 24.0;
    content.begin_text();
    content.set_font(font, 15.0);
    content.next_line(MARGIN, y);
    content.show(Str(&win_ansi(&format!("{number} / {total}   {}", step.title))));
    content.end_text();
    y -= 20.0;
    // The points (and a step's change report) fit the space left: the type shrinks, down to 6.5 pt.
    let (size, lines) = fitted_lines(&plain_points(&step.points), y - MARGIN * 0.5);
    content.begin_text();
    content.set_font(font, size);
    content.next_line(MARGIN, y);
    for line in lines {
        content.show(Str(&win_ansi(&line)));
        content.next_line(0.0, -size * LEADING);
    }
    content.end_text();
    content.finish().to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::Transition;
    use crate::model::view_state::ViewState;

    fn step(title: &str) -> Step {
        Step {
            title: title.to_owned(),
            points: "- First point – with a dash\n- **Second** point, 日本\n- Plain line".to_owned(),
            notes: String::new(),
            view: ViewState::default(),
            highlight: Vec::new(),
            transition: Transition::Cut,
        }
    }

    #[test]
    fn the_handout_has_one_page_per_slide_with_its_text() {
        let image = SlideImage { width: 4, height: 2, rgb: vec![200; 4 * 2 * 3] };
        let pdf = handout_pdf("Deck", None, &[(image.clone(), step("One")), (image, step("Two"))]);
        let text = String::from_utf8_lossy(&pdf);
        assert!(!text.contains("UNCLASSIFIED"));
        assert!(text.starts_with("%PDF-"));
        assert!(text.contains("/Count 2"));
        assert!(text.contains("1 / 2   One") && text.contains("2 / 2   Two"));
        // Lines with non-ASCII bytes are written as hex strings; plain ones as text.
        let hex = "Plain line".bytes().fold(String::new(), |mut acc, b| {
            std::fmt::Write::write_fmt(&mut acc, format_args!("{b:02X}")).ok();
            acc
        });
        assert!(text.contains("Plain line") || text.to_uppercase().contains(&hex), "the points are on the page");
        assert_eq!(win_ansi("– 日"), vec![0x96, b' ', b'?']);
        assert_eq!(plain_points("- **a**\n* b"), "• a\n• b");
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
        // Long text shrinks to fit; what cannot fit even at 6.5 pt ends in an ellipsis.
        let long = "word ".repeat(4000);
        let (size, lines) = fitted_lines(&long, 180.0);
        assert!((size - 6.5).abs() < 1e-6 && lines.last().is_some_and(|l| l == "…"), "{size} {}", lines.len());
        assert!(lines.len() as f32 * size * LEADING <= 180.0 + 1e-3);
        assert_eq!(fitted_lines("short", 180.0), (11.0, vec!["short".to_owned()]));
        let (mid, _) = fitted_lines(&"word ".repeat(600), 180.0);
        assert!(mid < 11.0 && mid > 6.5, "{mid}");
    }

    #[test]
    fn a_banner_is_printed_at_the_top_and_the_foot_of_every_page() {
        let image = SlideImage { width: 4, height: 2, rgb: vec![200; 4 * 2 * 3] };
        let slides = [(image.clone(), step("One")), (image.clone(), step("Two")), (image, step("Three"))];
        let pdf = handout_pdf("Deck", Some("UNCLASSIFIED // FOR TRAINING"), &slides);
        let text = String::from_utf8_lossy(&pdf);
        assert_eq!(text.matches("(UNCLASSIFIED // FOR TRAINING) Tj").count(), 6, "twice on each of 3 pages");
        assert!(!text.contains("ETBT"), "the banner's text object starts apart from the page's");
    }
}
