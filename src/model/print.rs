//! What a printed timeline is asked to be: the paper, the orientation, the range, the format. The
//! poster itself is drawn by `views::poster`; these choices live here so the state can hold the
//! poster window's choices and the command line can make them.

/// Paper sizes, portrait, in points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    /// 210 × 297 mm.
    A4,
    /// 297 × 420 mm.
    A3,
    /// 8.5 × 11 in.
    Letter,
    /// 11 × 17 in.
    Tabloid,
}

impl Paper {
    /// Every size, for menus.
    pub const ALL: [Self; 4] = [Self::A4, Self::A3, Self::Letter, Self::Tabloid];

    /// Width and height in points, portrait.
    pub fn portrait(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::A3 => (841.89, 1190.55),
            Self::Letter => (612.0, 792.0),
            Self::Tabloid => (792.0, 1224.0),
        }
    }

    /// Name in menus.
    pub fn label(self) -> &'static str {
        match self {
            Self::A4 => "A4",
            Self::A3 => "A3",
            Self::Letter => "Letter",
            Self::Tabloid => "Tabloid",
        }
    }
}

/// How the poster is cut and what it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PosterOptions {
    /// Pages of this size; `None`: one sheet as large as the timeline needs (the SVG).
    pub paper: Option<Paper>,
    /// Pages wider than tall.
    pub landscape: bool,
    /// Pages across the time range; `None`: as many as 66 paper points a year (`theme::poster::MIN_PER_YEAR`) asks for.
    pub pages_across: Option<u32>,
    /// The first day shown (day number); `None`: the data's first.
    pub from: Option<i64>,
    /// The day after the last shown; `None`: the data's last.
    pub to: Option<i64>,
}

impl Default for PosterOptions {
    fn default() -> Self {
        Self { paper: Some(Paper::A4), landscape: true, pages_across: None, from: None, to: None }
    }
}

/// The poster's file formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PosterFormat {
    /// Pages of the chosen paper size.
    Pdf,
    /// One picture as large as the timeline needs.
    Svg,
}

impl PosterFormat {
    /// The format a file name asks for by its extension.
    pub fn of_path(path: &std::path::Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "pdf" => Some(Self::Pdf),
            "svg" => Some(Self::Svg),
            _ => None,
        }
    }

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Svg => "svg",
        }
    }
}

/// The poster window's choices: the options, the format, and whether the range is the time window
/// on screen (else the whole timeline).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PosterChoice {
    /// Paper, orientation, pages across (the range is set when it is made).
    pub options: PosterOptions,
    /// PDF pages or one SVG sheet.
    pub format: PosterFormat,
    /// Only the time window on screen.
    pub window_only: bool,
}

impl Default for PosterChoice {
    fn default() -> Self {
        Self { options: PosterOptions::default(), format: PosterFormat::Pdf, window_only: false }
    }
}
