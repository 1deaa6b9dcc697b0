//! The browser's side of the paint cache: draws a region's shapes into a texture of its own (a
//! framebuffer the region's size, in window pixels) and puts the texture down in the window, with glow's
//! WebGL2 calls inside an `egui_glow` paint callback.
//!
//! The shaders do what `egui_glow`'s do (vertex colour times the font texture, premultiplied alpha, egui's
//! blend functions), so the texture holds what egui would have drawn there; the texture is copied to
//! the window pixel for pixel (`texelFetch`), never filtered.
#![expect(unsafe_code, reason = "glow's OpenGL calls are unsafe functions; this module is the app's only GL code")]

use std::cell::RefCell;
use std::collections::HashMap;

use eframe::egui_glow;
use eframe::glow::{self, HasContext};
use egui::Id;
use egui::epaint::{Primitive, Vertex};

use super::job::{self, Job};

const MESH_VERTEX: &str = "#version 300 es
precision highp float;
uniform vec2 u_origin;
uniform vec2 u_size;
uniform float u_pixels_per_point;
in vec2 a_pos;
in vec2 a_tc;
in vec4 a_srgba;
out vec4 v_rgba;
out vec2 v_tc;
void main() {
    vec2 p = a_pos * u_pixels_per_point - u_origin;
    gl_Position = vec4(2.0 * p.x / u_size.x - 1.0, 1.0 - 2.0 * p.y / u_size.y, 0.0, 1.0);
    v_rgba = a_srgba;
    v_tc = a_tc;
}";

const MESH_FRAGMENT: &str = "#version 300 es
precision highp float;
uniform sampler2D u_sampler;
in vec4 v_rgba;
in vec2 v_tc;
out vec4 f_color;
void main() { f_color = v_rgba * texture(u_sampler, v_tc); }";

/// One triangle covering the viewport, from the vertex index alone.
const COPY_VERTEX: &str = "#version 300 es
void main() {
    gl_Position = vec4(gl_VertexID == 1 ? 3.0 : -1.0, gl_VertexID == 2 ? 3.0 : -1.0, 0.0, 1.0);
}";

const COPY_FRAGMENT: &str = "#version 300 es
precision highp float;
uniform sampler2D u_texture;
uniform ivec2 u_offset;
out vec4 f_color;
void main() { f_color = texelFetch(u_texture, ivec2(gl_FragCoord.xy) - u_offset, 0); }";

/// The programs and buffers, made on the first callback.
struct Gl {
    /// Which GL context made these (its address).
    context: usize,
    mesh: glow::Program,
    copy: glow::Program,
    mesh_vao: glow::VertexArray,
    copy_vao: glow::VertexArray,
    vbo: glow::Buffer,
    ebo: glow::Buffer,
    targets: HashMap<Id, Target>,
    /// The regions whose first use from a texture was logged.
    logged: std::collections::HashSet<Id>,
}

/// A region's texture.
struct Target {
    framebuffer: glow::Framebuffer,
    texture: glow::Texture,
    size: [i32; 2],
}

thread_local! {
    static GL: RefCell<Option<Gl>> = const { RefCell::new(None) };
}

/// The region in window pixels: left, top (from the window's top), width, height.
#[derive(Clone, Copy)]
struct Px {
    x: i32,
    y: i32,
    w: i32,
    h: i32,
}

pub(super) fn callback(ctx: egui::Context, job: Job) -> egui::PaintCallback {
    let rect = job.rect;
    let f = egui_glow::CallbackFn::new(move |info, painter| {
        let gl = painter.gl();
        let [sw, sh] = info.screen_size_px.map(|s| s as i32);
        let ppp = info.pixels_per_point;
        let x0 = ((job.rect.min.x * ppp).floor() as i32).clamp(0, sw);
        let y0 = ((job.rect.min.y * ppp).floor() as i32).clamp(0, sh);
        let x1 = ((job.rect.max.x * ppp).ceil() as i32).clamp(x0, sw);
        let y1 = ((job.rect.max.y * ppp).ceil() as i32).clamp(y0, sh);
        let px = Px { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
        if px.w == 0 || px.h == 0 {
            return;
        }
        GL.with(|cell| {
            let mut cell = cell.borrow_mut();
            // A new GL context (the old one was lost and eframe made another): the textures went with it.
            let context = std::sync::Arc::as_ptr(gl) as usize;
            if cell.as_ref().is_some_and(|state| state.context != context) {
                *cell = None;
                job::forget_all();
            }
            if cell.is_none() {
                *cell = unsafe { Gl::new(gl) };
            }
            let Some(state) = cell.as_mut() else {
                job::set_broken();
                ctx.request_repaint();
                return;
            };
            if let Some(primitives) = &job.primitives {
                let clear = job.opaque.map_or([0.0; 4], egui::Color32::to_normalized_gamma_f32);
                let drawn = unsafe { state.draw_into(gl, painter, (job.region, clear), px, [sw, sh], ppp, primitives) };
                job::set_held(job.region, drawn.then_some(job.generation));
                if !drawn {
                    job::set_broken();
                    ctx.request_repaint();
                    return;
                }
            }
            if job::held(job.region) == Some(job.generation) {
                if state.logged.insert(job.region) {
                    let how = if job.opaque.is_some() { "copied" } else { "blended" };
                    log::info!("paint cache: the {} drawn from a texture ({}×{} px, {how})", job.name, px.w, px.h);
                }
                unsafe { state.copy_out(gl, job.region, job.opaque.is_some(), px, sh) };
            } else {
                ctx.request_repaint();
            }
        });
    });
    egui::PaintCallback { rect, callback: std::sync::Arc::new(f) }
}

unsafe fn program(gl: &glow::Context, vertex: &str, fragment: &str) -> Option<glow::Program> {
    unsafe {
        let program = gl.create_program().ok()?;
        let mut shaders = Vec::new();
        for (kind, source) in [(glow::VERTEX_SHADER, vertex), (glow::FRAGMENT_SHADER, fragment)] {
            let shader = gl.create_shader(kind).ok()?;
            gl.shader_source(shader, source);
            gl.compile_shader(shader);
            if !gl.get_shader_compile_status(shader) {
                log::warn!("paint cache: shader: {}", gl.get_shader_info_log(shader));
                return None;
            }
            gl.attach_shader(program, shader);
            shaders.push(shader);
        }
        gl.link_program(program);
        let linked = gl.get_program_link_status(program);
        for shader in shaders {
            gl.detach_shader(program, shader);
            gl.delete_shader(shader);
        }
        if !linked {
            log::warn!("paint cache: program: {}", gl.get_program_info_log(program));
            return None;
        }
        Some(program)
    }
}

impl Gl {
    unsafe fn new(gl: &std::sync::Arc<glow::Context>) -> Option<Self> {
        unsafe {
            let mesh = program(gl, MESH_VERTEX, MESH_FRAGMENT)?;
            let copy = program(gl, COPY_VERTEX, COPY_FRAGMENT)?;
            let vbo = gl.create_buffer().ok()?;
            let ebo = gl.create_buffer().ok()?;
            let mesh_vao = gl.create_vertex_array().ok()?;
            let copy_vao = gl.create_vertex_array().ok()?;
            gl.bind_vertex_array(Some(mesh_vao));
            gl.bind_buffer(glow::ARRAY_BUFFER, Some(vbo));
            let stride = size_of::<Vertex>() as i32;
            let attributes = [
                ("a_pos", 2, glow::FLOAT, false, std::mem::offset_of!(Vertex, pos)),
                ("a_tc", 2, glow::FLOAT, false, std::mem::offset_of!(Vertex, uv)),
                ("a_srgba", 4, glow::UNSIGNED_BYTE, true, std::mem::offset_of!(Vertex, color)),
            ];
            for (name, size, kind, normalized, offset) in attributes {
                let location = gl.get_attrib_location(mesh, name)?;
                gl.vertex_attrib_pointer_f32(location, size, kind, normalized, stride, offset as i32);
                gl.enable_vertex_attrib_array(location);
            }
            gl.bind_buffer(glow::ELEMENT_ARRAY_BUFFER, Some(ebo));
            gl.bind_vertex_array(None);
            Some(Self {
                context: std::sync::Arc::as_ptr(gl) as usize,
                mesh,
                copy,
                mesh_vao,
                copy_vao,
                vbo,
                ebo,
                targets: HashMap::new(),
                logged: std::collections::HashSet::new(),
            })
        }
    }

    /// The region's framebuffer, made or remade at `size`; `None` when it cannot be complete.
    unsafe fn target(&mut self, gl: &glow::Context, region: Id, size: [i32; 2]) -> Option<&Target> {
        unsafe {
            if let Some(old) = self.targets.get(&region).filter(|t| t.size != size) {
                gl.delete_framebuffer(old.framebuffer);
                gl.delete_texture(old.texture);
                self.targets.remove(&region);
            }
            if let std::collections::hash_map::Entry::Vacant(entry) = self.targets.entry(region) {
                let texture = gl.create_texture().ok()?;
                gl.bind_texture(glow::TEXTURE_2D, Some(texture));
                gl.tex_storage_2d(glow::TEXTURE_2D, 1, glow::RGBA8, size[0], size[1]);
                for (parameter, value) in [
                    (glow::TEXTURE_MIN_FILTER, glow::NEAREST),
                    (glow::TEXTURE_MAG_FILTER, glow::NEAREST),
                    (glow::TEXTURE_WRAP_S, glow::CLAMP_TO_EDGE),
                    (glow::TEXTURE_WRAP_T, glow::CLAMP_TO_EDGE),
                ] {
                    gl.tex_parameter_i32(glow::TEXTURE_2D, parameter, value as i32);
                }
                let framebuffer = gl.create_framebuffer().ok()?;
                gl.bind_framebuffer(glow::FRAMEBUFFER, Some(framebuffer));
                gl.framebuffer_texture_2d(
                    glow::FRAMEBUFFER,
                    glow::COLOR_ATTACHMENT0,
                    glow::TEXTURE_2D,
                    Some(texture),
                    0,
                );
                let complete = gl.check_framebuffer_status(glow::FRAMEBUFFER) == glow::FRAMEBUFFER_COMPLETE;
                gl.bind_framebuffer(glow::FRAMEBUFFER, None);
                if !complete {
                    gl.delete_framebuffer(framebuffer);
                    gl.delete_texture(texture);
                    return None;
                }
                entry.insert(Target { framebuffer, texture, size });
            }
            self.targets.get(&region)
        }
    }

    /// Draws the primitives into the region's texture, cleared first with `clear`; false when there is
    /// no texture to draw into.
    #[expect(clippy::too_many_arguments, reason = "one call site; the arguments are what a draw needs")]
    unsafe fn draw_into(
        &mut self,
        gl: &glow::Context,
        painter: &egui_glow::Painter,
        (region, clear): (Id, [f32; 4]),
        px: Px,
        [sw, sh]: [i32; 2],
        ppp: f32,
        primitives: &[egui::ClippedPrimitive],
    ) -> bool {
        unsafe {
            let (mesh, vao, vbo, ebo) = (self.mesh, self.mesh_vao, self.vbo, self.ebo);
            let Some(target) = self.target(gl, region, [px.w, px.h]) else {
                return false;
            };
            gl.bind_framebuffer(glow::FRAMEBUFFER, Some(target.framebuffer));
            gl.viewport(0, 0, px.w, px.h);
            gl.disable(glow::SCISSOR_TEST);
            gl.clear_color(clear[0], clear[1], clear[2], clear[3]);
            gl.clear(glow::COLOR_BUFFER_BIT);
            gl.enable(glow::SCISSOR_TEST);
            gl.use_program(Some(mesh));
            gl.uniform_2_f32(gl.get_uniform_location(mesh, "u_origin").as_ref(), px.x as f32, px.y as f32);
            gl.uniform_2_f32(gl.get_uniform_location(mesh, "u_size").as_ref(), px.w as f32, px.h as f32);
            gl.uniform_1_f32(gl.get_uniform_location(mesh, "u_pixels_per_point").as_ref(), ppp);
            gl.uniform_1_i32(gl.get_uniform_location(mesh, "u_sampler").as_ref(), 0);
            gl.active_texture(glow::TEXTURE0);
            gl.bind_vertex_array(Some(vao));
            for primitive in primitives {
                let Primitive::Mesh(mesh_data) = &primitive.primitive else { continue };
                let Some(texture) = painter.texture(mesh_data.texture_id) else { continue };
                // The clip rectangle as egui_glow rounds it, in the texture's pixels (its row 0 at the bottom).
                let c = primitive.clip_rect;
                let [cx0, cx1] = [c.min.x, c.max.x].map(|v| ((v * ppp).round() as i32).clamp(0, sw));
                let [cy0, cy1] = [c.min.y, c.max.y].map(|v| ((v * ppp).round() as i32).clamp(0, sh));
                let (left, right) = ((cx0 - px.x).clamp(0, px.w), (cx1 - px.x).clamp(0, px.w));
                let (top, bottom) = ((cy0 - px.y).clamp(0, px.h), (cy1 - px.y).clamp(0, px.h));
                if right <= left || bottom <= top {
                    continue;
                }
                gl.scissor(left, px.h - bottom, right - left, bottom - top);
                gl.bind_buffer(glow::ARRAY_BUFFER, Some(vbo));
                gl.buffer_data_u8_slice(glow::ARRAY_BUFFER, vertex_bytes(&mesh_data.vertices), glow::STREAM_DRAW);
                gl.bind_buffer(glow::ELEMENT_ARRAY_BUFFER, Some(ebo));
                gl.buffer_data_u8_slice(glow::ELEMENT_ARRAY_BUFFER, index_bytes(&mesh_data.indices), glow::STREAM_DRAW);
                gl.bind_texture(glow::TEXTURE_2D, Some(texture));
                gl.draw_elements(glow::TRIANGLES, mesh_data.indices.len() as i32, glow::UNSIGNED_INT, 0);
            }
            gl.bind_vertex_array(None);
            gl.bind_framebuffer(glow::FRAMEBUFFER, None);
            true
        }
    }

    /// Puts the region's texture down in the window at its place: an opaque one as a plain copy, one
    /// with transparency blended over what is there.
    unsafe fn copy_out(&self, gl: &glow::Context, region: Id, opaque: bool, px: Px, screen_height: i32) {
        let Some(target) = self.targets.get(&region) else { return };
        unsafe {
            let from_bottom = screen_height - px.y - px.h;
            gl.enable(glow::SCISSOR_TEST);
            gl.scissor(px.x, from_bottom, px.w, px.h);
            if opaque {
                gl.bind_framebuffer(glow::READ_FRAMEBUFFER, Some(target.framebuffer));
                gl.bind_framebuffer(glow::DRAW_FRAMEBUFFER, None);
                let (x1, y1) = (px.x + px.w, from_bottom + px.h);
                gl.blit_framebuffer(0, 0, px.w, px.h, px.x, from_bottom, x1, y1, glow::COLOR_BUFFER_BIT, glow::NEAREST);
                gl.bind_framebuffer(glow::READ_FRAMEBUFFER, None);
                return;
            }
            gl.viewport(px.x, from_bottom, px.w, px.h);
            gl.use_program(Some(self.copy));
            gl.uniform_1_i32(gl.get_uniform_location(self.copy, "u_texture").as_ref(), 0);
            gl.uniform_2_i32(gl.get_uniform_location(self.copy, "u_offset").as_ref(), px.x, from_bottom);
            gl.active_texture(glow::TEXTURE0);
            gl.bind_texture(glow::TEXTURE_2D, Some(target.texture));
            gl.bind_vertex_array(Some(self.copy_vao));
            gl.draw_arrays(glow::TRIANGLES, 0, 3);
            gl.bind_vertex_array(None);
        }
    }
}

/// The vertices as bytes, as `egui_glow` uploads them (`Vertex` is `repr(C)`: two points and four bytes).
fn vertex_bytes(vertices: &[Vertex]) -> &[u8] {
    bytemuck::cast_slice(vertices)
}

fn index_bytes(indices: &[u32]) -> &[u8] {
    bytemuck::cast_slice(indices)
}
