//! The timeline poster (File > Export > Timeline poster, `export-timeline`): the screen's timeline
//! laid out in screen points and printed at [`SCALE`].

/// Paper points per screen point: 12.5-point labels print at 7.5 points, readable at arm's length.
pub const SCALE: f32 = 0.6;
/// Page margin, in paper points.
pub const MARGIN: f32 = 24.0;
/// The dataset's title (screen points, like every size below).
pub const TITLE: f32 = 22.0;
/// The line under the title: range, lanes, filters; the page's place.
pub const SUBTITLE: f32 = 12.0;
/// Lane headers.
pub const LANE_LABEL: f32 = 12.0;
/// Axis labels.
pub const AXIS_LABEL: f32 = 11.0;
/// The legend and the foot line.
pub const FOOT: f32 = 10.5;
/// The caveat banner's strip.
pub const BANNER: f32 = 18.0;
/// The least width a year gets across the pages: a long range runs onto more pages rather than
/// squeeze (66 paper points a year, a month 5.5).
pub const MIN_PER_YEAR: f32 = 110.0;
/// The most width (screen points) the range takes per initiative: a long range with few initiatives
/// is not spread over empty pages.
pub const PER_ITEM: f32 = 170.0;
/// Most pages across one poster row.
pub const MAX_PAGES_ACROSS: u32 = 60;
/// The one-sheet SVG's time width at the least.
pub const MIN_SHEET_WIDTH: f32 = 1200.0;
