//! The one-file briefing page on the desktop: find the web build, make the page of a dataset and a
//! deck (`formats::page::render`), write it safely. `alliance-atlas export-page` and File > Export >
//! Briefing page… both come here.

use std::path::{Path, PathBuf};

use crate::formats::page::{PageOptions, PageParts, render};

/// The parts of a web build a page needs.
#[derive(Clone, Debug)]
pub struct WebBuild {
    /// Where they were found.
    pub dir: PathBuf,
    /// wasm-bindgen's JavaScript glue.
    pub glue_js: String,
    /// The wasm.
    pub wasm: Vec<u8>,
}

/// Where a web build is looked for, in order: the folder given, `$ATLAS_WEB_DIR`, `web/` beside this
/// program, `dist/` in the current folder.
pub fn web_dirs(explicit: Option<&Path>) -> Vec<PathBuf> {
    if let Some(dir) = explicit {
        return vec![dir.to_owned()];
    }
    let mut dirs: Vec<PathBuf> = std::env::var_os("ATLAS_WEB_DIR").map(PathBuf::from).into_iter().collect();
    if let Some(dir) = std::env::current_exe().ok().and_then(|exe| exe.parent().map(|d| d.join("web"))) {
        dirs.push(dir);
    }
    dirs.push(PathBuf::from("dist"));
    dirs
}

/// Reads the first web build found in [`web_dirs`]: the one `*_bg.wasm` and the glue beside it
/// (the same name without `_bg`, `.js`).
pub fn find_web_build(explicit: Option<&Path>) -> Result<WebBuild, String> {
    let dirs = web_dirs(explicit);
    for dir in &dirs {
        let Ok(entries) = std::fs::read_dir(dir) else { continue };
        let mut wasm: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().ends_with("_bg.wasm"))
            .collect();
        wasm.sort();
        let Some(wasm_path) = wasm.pop() else { continue };
        if !wasm.is_empty() {
            return Err(format!(
                "{} holds more than one web build (*_bg.wasm): build it again into an empty folder",
                dir.display()
            ));
        }
        let stem = wasm_path.to_string_lossy().trim_end_matches("_bg.wasm").to_owned();
        let glue_path = PathBuf::from(format!("{stem}.js"));
        let glue_js = std::fs::read_to_string(&glue_path)
            .map_err(|e| format!("cannot read the web build's JavaScript {}: {e}", glue_path.display()))?;
        let wasm = std::fs::read(&wasm_path).map_err(|e| format!("cannot read {}: {e}", wasm_path.display()))?;
        return Ok(WebBuild { dir: dir.clone(), glue_js, wasm });
    }
    let looked: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    Err(format!(
        "no web build found (looked in {}); hint: run scripts/build-web.sh --release, then give its dist/ \
         folder with --web DIR or ATLAS_WEB_DIR",
        looked.join(", ")
    ))
}

/// Makes the page and writes it to `out` (a temporary file, then a rename). Returns its size.
pub fn write_page(
    web: &WebBuild,
    data_name: &str,
    data: &str,
    deck: Option<&str>,
    options: &PageOptions,
    out: &Path,
) -> Result<usize, String> {
    let parts = PageParts { glue_js: &web.glue_js, wasm: &web.wasm, data_name, data, deck, options };
    let page = render(&parts).map_err(|e| format!("{}: {e}", web.dir.display()))?;
    crate::platform::write_atomic(out, page.as_bytes(), false)
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(page.len())
}

/// The stem a page and its data are named after: the file the data came from.
fn page_stem(source_name: &str) -> String {
    Path::new(source_name).file_stem().map_or_else(|| "briefing".to_owned(), |s| s.to_string_lossy().into_owned())
}

/// The page's copy of a dataset: our RON (any format the app reads goes in as RON), named after the
/// file it came from.
pub fn page_data(dataset: &crate::model::Dataset, source_name: &str) -> (String, String) {
    (format!("{}.ron", page_stem(source_name)), crate::formats::export::ron::to_ron(dataset, Some(source_name)))
}

/// What `alliance-atlas export-page` was asked for.
#[derive(Clone, Debug)]
pub struct PageRequest {
    /// The dataset file, or "-" for the embedded one.
    pub data: PathBuf,
    /// The deck file; `None`: the dataset's own deck, if any.
    pub deck: Option<PathBuf>,
    /// Where to write the page.
    pub out: PathBuf,
    /// The web build's folder; `None`: look in [`web_dirs`].
    pub web: Option<PathBuf>,
    /// How the page opens.
    pub options: PageOptions,
}

/// Runs `export-page`: reads and checks the dataset and the deck (every problem reported as `check`
/// reports it), finds the web build, writes the page. Returns the exit code (0 written, 1 not).
pub fn export_page(request: &PageRequest, report: &mut impl std::io::Write) -> std::io::Result<i32> {
    let embedded = request.data.as_os_str() == "-";
    let loaded = if embedded {
        crate::formats::load_str(crate::model::DEFAULT_DATASET)
    } else {
        crate::formats::load_file(&request.data)
    };
    let name =
        if embedded { crate::model::DEFAULT_DATASET_NAME.to_owned() } else { request.data.display().to_string() };
    for problem in &loaded.problems {
        writeln!(report, "{}", problem.display_in(&name))?;
    }
    let Some(dataset) = loaded.dataset.as_ref().filter(|_| loaded.error_count() == 0) else {
        writeln!(report, "{name}: {} error(s): no page written", loaded.error_count())?;
        return Ok(1);
    };
    let deck_path = request.deck.clone().or_else(|| {
        crate::state::deck::deck_path_for(&crate::state::command::DataSource::File(request.data.clone()))
            .filter(|p| !embedded && p.exists())
    });
    let deck_text = match &deck_path {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => Some((path.display().to_string(), text)),
            Err(e) => {
                writeln!(report, "{}:1:1: error: cannot read the deck: {e}", path.display())?;
                return Ok(1);
            }
        },
        None if embedded => Some(("the embedded deck".to_owned(), crate::briefing::DEFAULT_DECK.to_owned())),
        None => None,
    };
    let steps = match &deck_text {
        Some((deck_name, text)) => {
            let deck = crate::briefing::load_deck(text, &crate::model::index::Index::build(dataset));
            for problem in &deck.problems {
                writeln!(report, "{}", problem.display_in(deck_name))?;
            }
            let Some(deck) = deck.deck else {
                writeln!(report, "{deck_name}: the deck has errors: no page written")?;
                return Ok(1);
            };
            deck.steps.len()
        }
        None if request.options.present => {
            writeln!(report, "{name}: --present needs a deck (hint: give one with --deck DECK)")?;
            return Ok(1);
        }
        None => 0,
    };
    let web = match find_web_build(request.web.as_deref()) {
        Ok(web) => web,
        Err(e) => {
            writeln!(report, "alliance-atlas: {e}")?;
            return Ok(1);
        }
    };
    let (data_name, data) = page_data(dataset, &name);
    let deck = deck_text.as_ref().map(|(_, text)| text.as_str());
    match write_page(&web, &data_name, &data, deck, &request.options, &request.out) {
        Ok(bytes) => {
            let (out, n) = (request.out.display(), dataset.initiatives.len());
            writeln!(
                report,
                "wrote {out}: {bytes} bytes, {n} initiatives, {steps} deck steps, web build from {}",
                web.dir.display()
            )?;
            Ok(0)
        }
        Err(e) => {
            writeln!(report, "{}:1:1: error: {e}", request.out.display())?;
            Ok(1)
        }
    }
}

/// File > Export > Briefing page…: asks where (on the desktop), makes the page of the data and the
/// deck on screen with `options`, and says what happened as a top-bar message.
pub fn export_page_asked(state: &crate::state::State, options: &PageOptions) -> Option<crate::state::command::Command> {
    let path = crate::platform::pick_save_path(
        crate::platform::SaveKind::Page,
        &format!("{}-briefing.html", page_stem(&state.source().name())),
    )?;
    Some(crate::state::command::Command::Notify(page_of_state(state, options, &path, None)))
}

/// Writes the page of the data and the deck on screen to `path`; the message says what was written
/// or why not.
pub fn page_of_state(state: &crate::state::State, options: &PageOptions, path: &Path, web: Option<&Path>) -> String {
    let (data_name, data) = page_data(state.dataset(), &state.source().name());
    let deck = state.deck().map(crate::briefing::to_ron);
    let written =
        find_web_build(web).and_then(|web| write_page(&web, &data_name, &data, deck.as_deref(), options, path));
    match written {
        Ok(bytes) => format!("Wrote the briefing page {} ({:.1} MB)", path.display(), bytes as f64 / 1_048_576.0),
        Err(e) => format!("Could not write the briefing page: {e}"),
    }
}

/// A page being made in the browser, from the app's own build: its parts arriving, then a download.
#[derive(Debug)]
pub struct BrowserPage {
    options: PageOptions,
    glue: Part,
    wasm: Part,
}

#[derive(Debug)]
enum Part {
    Waiting(crate::platform::Pending),
    Ready(Vec<u8>),
}

impl BrowserPage {
    /// Starts fetching the served build's glue and wasm, or takes them from the one-file page it runs in.
    pub fn start(options: PageOptions, ctx: &egui::Context) -> Result<Self, String> {
        let (glue, wasm) = match crate::platform::own_build() {
            Some(crate::platform::OwnBuild::Held(glue, wasm)) => {
                (Part::Ready(glue.into_bytes()), Part::Ready(crate::formats::page::decode(&wasm)?))
            }
            Some(crate::platform::OwnBuild::Urls(glue, wasm)) => {
                (Part::Waiting(crate::platform::fetch(&glue, ctx)), Part::Waiting(crate::platform::fetch(&wasm, ctx)))
            }
            None => return Err("Could not make the briefing page: this page does not say where its app is".to_owned()),
        };
        Ok(Self { options, glue, wasm })
    }

    /// The message once the page was downloaded or could not be made; `None` while a part is arriving.
    pub fn poll(&mut self, state: &crate::state::State) -> Option<String> {
        for part in [&mut self.glue, &mut self.wasm] {
            if let Part::Waiting(slot) = part {
                match slot.lock().ok().and_then(|mut s| s.take()) {
                    None => return None,
                    Some(crate::platform::Arrival::Bytes(_, bytes)) => *part = Part::Ready(bytes),
                    Some(crate::platform::Arrival::Failed(name, why)) => {
                        return Some(format!("Could not make the briefing page: {name}: {why}"));
                    }
                    Some(crate::platform::Arrival::Cancelled) => {
                        return Some("The briefing page was not made".to_owned());
                    }
                }
            }
        }
        let (Part::Ready(glue), Part::Ready(wasm)) = (&self.glue, &self.wasm) else { return None };
        let (data_name, data) = page_data(state.dataset(), &state.source().name());
        let deck = state.deck().map(crate::briefing::to_ron);
        let glue_js = String::from_utf8_lossy(glue);
        let parts = PageParts {
            glue_js: &glue_js,
            wasm,
            data_name: &data_name,
            data: &data,
            deck: deck.as_deref(),
            options: &self.options,
        };
        let name = format!("{}-briefing.html", page_stem(&state.source().name()));
        Some(
            match render(&parts)
                .map_err(|e| e.to_string())
                .and_then(|page| crate::platform::download(&name, &page).map(|()| page.len()))
            {
                Ok(bytes) => format!("Downloaded the briefing page {name} ({:.1} MB)", bytes as f64 / 1_048_576.0),
                Err(e) => format!("Could not make the briefing page: {e}"),
            },
        )
    }
}
