//! The presenter view: a second window (egui viewport) with the current and next step, the notes, the
//! elapsed time and the clock, and buttons — for the laptop screen while the projector shows the slide.

use crate::state::PresentCommand;
use crate::state::{Blank, Command, State};

/// Shows the presenter window while presenting; returns the presenter's commands.
pub fn presenter_window(ctx: &egui::Context, state: &State) -> Vec<Command> {
    let Some(presenting) = state.presenting().filter(|p| p.presenter_view()) else { return Vec::new() };
    let id = egui::ViewportId::from_hash_of("presenter_view");
    let builder =
        egui::ViewportBuilder::default().with_title("Alliance Atlas — presenter view").with_inner_size([760.0, 560.0]);
    ctx.show_viewport_immediate(id, builder, |ui, class| {
        let mut out = Vec::new();
        if ui.input(|i| i.viewport().close_requested()) {
            out.push(Command::Presenting(PresentCommand::TogglePresenterView));
        }
        // The clicker keys work in this window too (an embedded window shares the main window's keys).
        if class != egui::ViewportClass::EmbeddedWindow {
            for action in crate::views::chrome::present_keys(ui.ctx(), state) {
                if let crate::views::chrome::ChromeAction::Command(command) = action {
                    out.push(command);
                }
            }
        }
        egui::CentralPanel::default().show(ui, |ui| presenter_ui(ui, state, presenting.step(), &mut out));
        // The elapsed time and the clock tick.
        ui.ctx().request_repaint_after(std::time::Duration::from_millis(500));
        out
    })
}

fn presenter_ui(ui: &mut egui::Ui, state: &State, index: usize, out: &mut Vec<Command>) {
    let Some(deck) = state.deck() else { return };
    let elapsed = (state.now() - state.presenting().map_or(state.now(), crate::state::present::Presenting::started))
        .max(0.0) as u64;
    ui.horizontal(|ui| {
        ui.heading(format!("{} / {}", index + 1, deck.steps.len()));
        ui.separator();
        ui.label(egui::RichText::new(format!("{:02}:{:02} elapsed", elapsed / 60, elapsed % 60)).size(20.0));
        ui.separator();
        ui.label(egui::RichText::new(crate::platform::clock_utc()).size(20.0));
    });
    ui.horizontal(|ui| {
        if ui.button("◀ Previous").clicked() {
            out.push(Command::Presenting(PresentCommand::PrevStep));
        }
        if ui.button("Next ▶").clicked() {
            out.push(Command::Presenting(PresentCommand::NextStep));
        }
        if ui.button("Black out").clicked() {
            out.push(Command::Presenting(PresentCommand::Blank(Some(Blank::Black))));
        }
        if ui.button("End").clicked() {
            out.push(Command::Presenting(PresentCommand::Present(None)));
        }
    });
    ui.separator();
    let Some(step) = deck.steps.get(index) else { return };
    ui.label(egui::RichText::new(format!("Now: {}", step.title)).size(18.0).strong());
    ui.label(plain(&step.points));
    ui.separator();
    ui.strong("Notes");
    egui::ScrollArea::vertical().id_salt("presenter_notes").max_height(220.0).show(ui, |ui| {
        ui.label(egui::RichText::new(&step.notes).size(17.0));
    });
    ui.separator();
    match deck.steps.get(index + 1) {
        Some(next) => {
            ui.label(egui::RichText::new(format!("Next: {}", next.title)).strong());
            ui.weak(plain(&next.points));
        }
        None => {
            ui.weak("This is the last step.");
        }
    }
}

/// Talking points without markdown emphasis marks, for the compact presenter lists.
fn plain(markdown: &str) -> String {
    markdown.replace("**", "").replace('`', "")
}
