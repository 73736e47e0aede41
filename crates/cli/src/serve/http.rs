//! The preview server: static files from the built folder on 127.0.0.1, with a live-reload
//! script injected into every HTML page, a Server-Sent Events endpoint that tells pages a
//! rebuild happened, and the current problems as JSON for the pages' overlay.

use super::page;
use anyhow::{Result, anyhow};
use pykata_pack::Severity;
use serde::Serialize;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tiny_http::{Header, Method, Request, Response, StatusCode};

/// Where pages listen for rebuilds.
const EVENTS: &str = "/__pykata/events";
/// The current problems, as JSON.
const PROBLEMS: &str = "/__pykata/problems";
/// The script injected into every served page.
const CLIENT: &str = "/__pykata/client.js";
const CLIENT_JS: &str = include_str!("client.js");
/// Threads answering requests (an event stream holds no thread of these: it gets its own).
const THREADS: usize = 4;
/// A comment sent down idle event streams, so a closed page's stream is noticed and ended.
const KEEP_ALIVE: Duration = Duration::from_secs(10);

/// One problem as the overlay shows it.
#[derive(Clone, Serialize)]
pub(super) struct Problem {
    pub severity: Severity,
    /// `file:line:column: error: field: message`, then its hints.
    pub text: String,
}

/// What the builder publishes for the server: a generation, new on every rebuild (and unique
/// per run, so a page left open across a restart reloads too), and the problems.
struct Published {
    generation: u64,
    problems: Vec<Problem>,
}

pub(super) struct Shared {
    published: Mutex<Published>,
    /// One sender per open event stream.
    clients: Mutex<Vec<Sender<u64>>>,
    stop: AtomicBool,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Shared {
    pub(super) fn new(problems: Vec<Problem>) -> Self {
        let started = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64);
        Shared {
            published: Mutex::new(Published {
                generation: started,
                problems,
            }),
            clients: Mutex::new(Vec::new()),
            stop: AtomicBool::new(false),
        }
    }

    /// Publish a rebuild: its problems, and a `reload` event to every open page.
    pub(super) fn publish(&self, problems: Vec<Problem>) {
        let generation = {
            let mut published = lock(&self.published);
            published.generation += 1;
            published.problems = problems;
            published.generation
        };
        lock(&self.clients).retain(|client| client.send(generation).is_ok());
    }

    fn generation(&self) -> u64 {
        lock(&self.published).generation
    }
}

/// Listen on 127.0.0.1:`port` (0: a free port).
pub(super) fn bind(port: u16) -> Result<tiny_http::Server> {
    tiny_http::Server::http(("127.0.0.1", port)).map_err(|error| {
        anyhow!(
            "cannot listen on 127.0.0.1:{port}: {error} (pass --port N for another port, or --port 0 for a free one)"
        )
    })
}

pub(super) struct Server {
    server: Arc<tiny_http::Server>,
    threads: Vec<JoinHandle<()>>,
    streams: Arc<Mutex<Vec<JoinHandle<()>>>>,
    shared: Arc<Shared>,
}

/// Where requests are answered from: the built folder, then the folders of the pages (for the
/// images and files a page links to).
#[derive(Clone)]
struct Files {
    root: PathBuf,
    fallbacks: Vec<PathBuf>,
}

impl Server {
    pub(super) fn start(
        server: tiny_http::Server,
        root: PathBuf,
        fallbacks: Vec<PathBuf>,
        shared: Arc<Shared>,
    ) -> Self {
        let server = Arc::new(server);
        let files = Files { root, fallbacks };
        let streams = Arc::new(Mutex::new(Vec::new()));
        let threads = (0..THREADS)
            .map(|_| {
                let (server, files, shared, streams) = (
                    Arc::clone(&server),
                    files.clone(),
                    Arc::clone(&shared),
                    Arc::clone(&streams),
                );
                std::thread::spawn(move || {
                    while !shared.stop.load(Ordering::SeqCst) {
                        match server.recv_timeout(Duration::from_millis(200)) {
                            Ok(Some(request)) => handle(request, &files, &shared, &streams),
                            Ok(None) => {}
                            Err(_) => break,
                        }
                    }
                })
            })
            .collect();
        Server {
            server,
            threads,
            streams,
            shared,
        }
    }

    pub(super) fn port(&self) -> u16 {
        self.server.server_addr().to_ip().map_or(0, |addr| addr.port())
    }

    /// Stop answering, end every event stream, and wait for the threads.
    pub(super) fn stop(self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        lock(&self.shared.clients).clear();
        self.server.unblock();
        for thread in self.threads {
            let _ = thread.join();
        }
        for stream in lock(&self.streams).drain(..) {
            let _ = stream.join();
        }
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn handle(request: Request, files: &Files, shared: &Arc<Shared>, streams: &Mutex<Vec<JoinHandle<()>>>) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(Response::from_string("method not allowed").with_status_code(405));
        return;
    }
    let url = request.url().to_owned();
    let path = url.split(['?', '#']).next().unwrap_or_default().to_owned();
    let response = match path.as_str() {
        EVENTS => {
            let stream = events(request, shared);
            let mut streams = lock(streams);
            streams.retain(|s| !s.is_finished());
            streams.push(stream);
            return;
        }
        PROBLEMS => {
            let published = lock(&shared.published);
            let body = serde_json::json!({"generation": published.generation, "problems": published.problems});
            Response::from_string(body.to_string())
                .with_header(header("Content-Type", "application/json; charset=utf-8"))
                .with_header(header("Cache-Control", "no-store"))
                .boxed()
        }
        CLIENT => Response::from_string(CLIENT_JS)
            .with_header(header("Content-Type", "text/javascript; charset=utf-8"))
            .with_header(header("Cache-Control", "no-store"))
            .boxed(),
        _ => file_response(&request, &path, files, shared),
    };
    let _ = request.respond(response.with_header(header("X-Content-Type-Options", "nosniff")));
}

/// An event stream: `hello` with the current generation at once, then `reload` with the new
/// one after each rebuild. Written straight to the connection (tiny_http would buffer a body).
fn events(request: Request, shared: &Arc<Shared>) -> JoinHandle<()> {
    let (sender, receiver) = mpsc::channel();
    let generation = {
        // Registered before the generation is read: no rebuild can fall between the two.
        let mut clients = lock(&shared.clients);
        clients.push(sender);
        shared.generation()
    };
    std::thread::spawn(move || {
        let mut writer = request.into_writer();
        let _ = (|| -> io::Result<()> {
            writer.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
            )?;
            write!(writer, "retry: 300\nevent: hello\ndata: {generation}\n\n")?;
            writer.flush()?;
            loop {
                match receiver.recv_timeout(KEEP_ALIVE) {
                    Ok(generation) => write!(writer, "event: reload\ndata: {generation}\n\n")?,
                    Err(RecvTimeoutError::Timeout) => writer.write_all(b": keep-alive\n\n")?,
                    Err(RecvTimeoutError::Disconnected) => return Ok(()),
                }
                writer.flush()?;
            }
        })();
    })
}

/// What a request's path names.
enum Lookup {
    File(PathBuf),
    /// A folder asked for without its trailing slash: redirect, so relative links work.
    Folder,
    Missing,
    Bad,
}

/// The path's segments, percent-decoded; `None` if malformed or if one climbs (`..`).
fn segments(path: &str) -> Option<Vec<String>> {
    let bytes = path.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    let decoded = String::from_utf8(decoded).ok()?;
    let mut out = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            s if s.contains(['\\', '\0']) => return None,
            s => out.push(s.to_owned()),
        }
    }
    Some(out)
}

/// The widget's own files, wherever a page's script tag puts them (`/pykata/pykata.js`, as the
/// page will be published): the same path below the folder's top, from `pkg/` or `exercises/`,
/// or the file name for the top-level assets.
fn widget_path(segments: &[String]) -> Option<Vec<String>> {
    let last = segments.last()?;
    if crate::assets::WIDGET.contains(&last.as_str()) {
        return Some(vec![last.clone()]);
    }
    let at = segments.iter().rposition(|s| s == "pkg" || s == "exercises")?;
    Some(segments[at..].to_vec())
}

fn lookup(files: &Files, path: &str) -> Lookup {
    let Some(segments) = segments(path) else {
        return Lookup::Bad;
    };
    let within = |base: &Path, segments: &[String]| {
        let mut file = base.to_path_buf();
        file.extend(segments);
        file
    };
    let mut candidates = vec![within(&files.root, &segments)];
    if let Some(widget) = widget_path(&segments) {
        candidates.push(within(&files.root, &widget));
    }
    // Never hidden files (`.git`, `.env`) from the pages' folders.
    if !segments.iter().any(|s| s.starts_with('.')) {
        candidates.extend(files.fallbacks.iter().map(|base| within(base, &segments)));
    }
    for candidate in candidates {
        if candidate.is_dir() {
            if !path.ends_with('/') {
                return Lookup::Folder;
            }
            let index = candidate.join("index.html");
            if index.is_file() {
                return Lookup::File(index);
            }
        } else if candidate.is_file() {
            return Lookup::File(candidate);
        }
    }
    Lookup::Missing
}

fn content_type(file: &Path) -> &'static str {
    let extension = file
        .extension()
        .and_then(|x| x.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json; charset=utf-8",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "txt" | "md" | "markdown" | "py" | "toml" | "ts" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn text_response(status: u16, text: &str) -> tiny_http::ResponseBox {
    Response::from_string(text)
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
        .boxed()
}

fn file_response(request: &Request, path: &str, files: &Files, shared: &Shared) -> tiny_http::ResponseBox {
    let file = match lookup(files, path) {
        Lookup::File(file) => file,
        Lookup::Folder => {
            return Response::empty(301)
                .with_header(header("Location", &format!("{path}/")))
                .boxed();
        }
        Lookup::Missing => return text_response(404, "not found"),
        Lookup::Bad => return text_response(400, "bad request"),
    };
    let kind = content_type(&file);
    if kind.starts_with("text/html") {
        // The generation first: a page read after a rebuild may be newer than its number (and
        // then reloads once more), never older.
        let generation = shared.generation();
        let Ok(bytes) = std::fs::read(&file) else {
            return text_response(404, "not found");
        };
        let tag = format!(r#"<script src="{CLIENT}" data-generation="{generation}"></script>"#);
        let html = page::inject_before_body_end(&String::from_utf8_lossy(&bytes), &tag);
        return Response::from_string(html)
            .with_header(header("Content-Type", kind))
            .with_header(header("Cache-Control", "no-store"))
            .boxed();
    }
    let Ok(opened) = File::open(&file) else {
        return text_response(404, "not found");
    };
    let Ok(meta) = opened.metadata() else {
        return text_response(404, "not found");
    };
    let modified = meta
        .modified()
        .ok()
        .and_then(|m| m.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let etag = format!("\"{modified:x}-{:x}\"", meta.len());
    let cached = request
        .headers()
        .iter()
        .any(|h| h.field.equiv("If-None-Match") && h.value.as_str().split(',').any(|tag| tag.trim() == etag));
    let response = if cached {
        Response::empty(304).boxed()
    } else {
        // A length, not chunks: the widget shows the engine's download progress.
        Response::from_file(opened)
            .with_chunked_threshold(usize::MAX)
            .with_header(header("Content-Type", kind))
            .boxed()
    };
    // Revalidated on every load: a reload gets what was rebuilt, and 304 for the engine.
    response
        .with_header(header("ETag", &etag))
        .with_header(header("Cache-Control", "no-cache"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_decoded_and_never_climb() {
        assert_eq!(segments("/a%20b/./c/").unwrap(), ["a b", "c"]);
        assert!(segments("/../etc/passwd").is_none());
        assert!(segments("/a/%2e%2e/b").is_none());
        assert!(segments("/%E0").is_none());
        assert!(segments("/%zz").is_none());
        assert!(segments("/a%5cb").is_none());
    }

    #[test]
    fn a_page_finds_the_widget_where_it_will_be_published() {
        let path = |s: &str| widget_path(&segments(s).unwrap()).map(|p| p.join("/"));
        assert_eq!(path("/pykata/pykata.js").as_deref(), Some("pykata.js"));
        assert_eq!(
            path("/static/pykata/pkg/pykata_wasm_bg.wasm").as_deref(),
            Some("pkg/pykata_wasm_bg.wasm")
        );
        assert_eq!(
            path("/p/exercises/decorators/a.json").as_deref(),
            Some("exercises/decorators/a.json")
        );
        assert_eq!(path("/images/cat.png"), None);
    }
}
