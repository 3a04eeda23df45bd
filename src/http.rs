//! The preview's HTTP server (`decide site --serve`): GET and HEAD on 127.0.0.1, one
//! request per connection, on std's `TcpListener` (docs/decisions/0014-*). Any process
//! on the machine may connect, so no client can hold the server up for long or stop it:
//! each connection is served on a thread of its own within [`DEADLINE`] from its first
//! byte to its last (a client that sends slowly, or never reads its answer, is cut off
//! then), at most [`CONNECTIONS`] at once (more wait in the listener's queue), a
//! request's head is capped at [`MOST_HEAD`] bytes, files are sent from disk as they are
//! read, and running out of threads or file descriptors only makes the next connection
//! wait.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Connections served at once; more wait in the listener's queue until one ends. Each
/// holds a socket and at most one open file: well within the 1024 file descriptors a
/// process is usually allowed.
const CONNECTIONS: usize = 128;

/// The stack of a connection's thread: reading a head and copying a file need little.
const STACK: usize = 256 * 1024;

/// The longest one connection is served, reading its request and writing the answer.
/// A browser on the same machine takes milliseconds, even for the search index of a
/// large log.
const DEADLINE: Duration = Duration::from_secs(10);

/// The most a request's line and headers may hold: a browser sends about a kilobyte.
const MOST_HEAD: usize = 16 * 1024;

/// A request as the preview reads it: the method, the target as sent (`/records/x.html`),
/// and the values of its `Host` headers.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Request<'a> {
    pub method: &'a str,
    pub target: &'a str,
    pub hosts: Vec<&'a str>,
}

/// An answer: its status, the type of its body, and the body.
#[derive(Debug)]
pub(crate) struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Body,
}

/// A body in memory, or a file and how many of its bytes to send.
#[derive(Debug)]
pub(crate) enum Body {
    Bytes(Vec<u8>),
    File(std::fs::File, u64),
}

impl Body {
    fn len(&self) -> u64 {
        match self {
            Body::Bytes(bytes) => bytes.len() as u64,
            Body::File(_, length) => *length,
        }
    }
}

impl Response {
    /// A short answer in plain text, for a refusal.
    pub(crate) fn text(status: u16, text: &str) -> Response {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: Body::Bytes(format!("{text}\n").into_bytes()),
        }
    }
}

/// Serve every connection to `listener` with `answer`, for ever.
pub(crate) fn serve<F>(listener: &TcpListener, answer: F) -> !
where
    F: Fn(&Request<'_>) -> Response + Send + Sync + 'static,
{
    let answer = Arc::new(answer);
    let slots = Arc::new((Mutex::new(0usize), Condvar::new()));
    loop {
        let slot = Slot::take(&slots);
        match listener.accept() {
            Ok((stream, _)) => {
                let answer = Arc::clone(&answer);
                let spawned = std::thread::Builder::new()
                    .name("decide-preview".into())
                    .stack_size(STACK)
                    .spawn(move || {
                        let _slot = slot;
                        handle(stream, &*answer);
                    });
                // No thread to spare: the connection is closed (the closure, and with it
                // the stream and the slot, is dropped), and the next waits a moment.
                if spawned.is_err() {
                    std::thread::sleep(Duration::from_millis(50));
                }
            }
            // Out of file descriptors, or a connection gone before it was accepted: the
            // listener stays, and is asked again once something may have changed.
            Err(_) => {
                drop(slot);
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }
}

/// One of the [`CONNECTIONS`] being served, given back when dropped.
struct Slot(Arc<(Mutex<usize>, Condvar)>);

impl Slot {
    /// Wait until fewer than [`CONNECTIONS`] are being served, and take a slot.
    fn take(slots: &Arc<(Mutex<usize>, Condvar)>) -> Slot {
        let (busy, freed) = &**slots;
        let mut busy = busy.lock().unwrap_or_else(PoisonError::into_inner);
        while *busy >= CONNECTIONS {
            busy = freed.wait(busy).unwrap_or_else(PoisonError::into_inner);
        }
        *busy += 1;
        Slot(Arc::clone(slots))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let (busy, freed) = &*self.0;
        let mut busy = busy.lock().unwrap_or_else(PoisonError::into_inner);
        *busy -= 1;
        freed.notify_one();
    }
}

/// Read one request from `stream`, answer it and close the connection, all within
/// [`DEADLINE`]. A connection that sends no whole request in time is closed unanswered.
fn handle(mut stream: TcpStream, answer: &dyn Fn(&Request<'_>) -> Response) {
    let deadline = Instant::now() + DEADLINE;
    let (mut response, head_only) = match read_head(&mut stream, deadline) {
        Head::Complete(head) => match parse(&head) {
            Ok(request) => (answer(&request), request.method == "HEAD"),
            Err(status) => (Response::text(status, reason(status)), false),
        },
        Head::TooLarge => (Response::text(431, reason(431)), false),
        Head::Gone => return,
    };
    if write_response(&mut stream, &mut response, head_only, deadline).is_ok() {
        // Read what the client sent after its request before closing, briefly: closing
        // with it unread would reset the connection, and the client could lose the answer.
        let _ = stream.shutdown(Shutdown::Write);
        let until = deadline.min(Instant::now() + Duration::from_secs(1));
        let mut sink = [0u8; 4096];
        let mut drained = 0usize;
        while drained < 64 * 1024 {
            match left(until).and_then(|time| {
                stream.set_read_timeout(Some(time))?;
                stream.read(&mut sink)
            }) {
                Ok(0) | Err(_) => break,
                Ok(read) => drained += read,
            }
        }
    }
}

/// What arrived before the blank line that ends a request's head.
enum Head {
    Complete(Vec<u8>),
    TooLarge,
    /// Closed, broken or too slow.
    Gone,
}

fn read_head(stream: &mut TcpStream, deadline: Instant) -> Head {
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    loop {
        let read = left(deadline).and_then(|time| {
            stream.set_read_timeout(Some(time))?;
            stream.read(&mut chunk)
        });
        match read {
            Ok(0) | Err(_) => return Head::Gone,
            Ok(read) => head.extend_from_slice(&chunk[..read]),
        }
        if let Some(end) = memchr::memmem::find(&head, b"\r\n\r\n") {
            head.truncate(end);
            return Head::Complete(head);
        }
        if head.len() > MOST_HEAD {
            return Head::TooLarge;
        }
    }
}

/// The time left until `deadline`, or a timeout error once it has passed.
fn left(deadline: Instant) -> io::Result<Duration> {
    deadline
        .checked_duration_since(Instant::now())
        .filter(|time| !time.is_zero())
        .ok_or_else(|| io::Error::from(io::ErrorKind::TimedOut))
}

/// A request's head (its line and headers, without the blank line): the request, or the
/// status that refuses it.
fn parse(head: &[u8]) -> Result<Request<'_>, u16> {
    let text = std::str::from_utf8(head).map_err(|_| 400u16)?;
    let mut lines = text.split("\r\n");
    let mut parts = lines.next().unwrap_or_default().split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(400);
    };
    if !version.starts_with("HTTP/") {
        return Err(400);
    }
    if version != "HTTP/1.1" && version != "HTTP/1.0" {
        return Err(505);
    }
    if method.is_empty() || !target.starts_with('/') {
        return Err(400);
    }
    let mut hosts = Vec::new();
    for line in lines {
        let (name, value) = line.split_once(':').ok_or(400u16)?;
        if name.eq_ignore_ascii_case("host") {
            hosts.push(value.trim());
        }
    }
    Ok(Request {
        method,
        target,
        hosts,
    })
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        505 => "HTTP Version Not Supported",
        _ => "Error",
    }
}

/// Write `response` (its head only, for a HEAD request), each write within the deadline:
/// a client that reads slowly, or not at all, is cut off when it passes.
fn write_response(
    stream: &mut TcpStream,
    response: &mut Response,
    head_only: bool,
    deadline: Instant,
) -> io::Result<()> {
    let head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        response.status,
        reason(response.status),
        response.content_type,
        response.body.len()
    );
    write_within(stream, head.as_bytes(), deadline)?;
    match &mut response.body {
        _ if head_only => Ok(()),
        Body::Bytes(bytes) => write_within(stream, bytes, deadline),
        Body::File(file, length) => {
            let mut file = file.take(*length);
            let mut chunk = vec![0u8; 64 * 1024];
            loop {
                match file.read(&mut chunk) {
                    Ok(0) => return Ok(()),
                    Ok(read) => write_within(stream, &chunk[..read], deadline)?,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            }
        }
    }
}

fn write_within(stream: &mut TcpStream, mut bytes: &[u8], deadline: Instant) -> io::Result<()> {
    while !bytes.is_empty() {
        stream.set_write_timeout(Some(left(deadline)?))?;
        match stream.write(bytes) {
            Ok(0) => return Err(io::Error::from(io::ErrorKind::WriteZero)),
            Ok(written) => bytes = &bytes[written..],
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_head_is_read_strictly() {
        let request =
            parse(b"GET /records/a.html?x=1 HTTP/1.1\r\nHost: 127.0.0.1:80\r\nAccept: */*")
                .unwrap();
        assert_eq!(
            request,
            Request {
                method: "GET",
                target: "/records/a.html?x=1",
                hosts: vec!["127.0.0.1:80"],
            }
        );
        for (head, status) in [
            (&b"GET / HTTP/1.1 extra"[..], 400),
            (b"GET /", 400),
            (b"GET http://example.com/ HTTP/1.1", 400),
            (b"GET * HTTP/1.1", 400),
            (b"GET / SPDY/3", 400),
            (b"GET / HTTP/2.0", 505),
            (b"GET / HTTP/1.1\r\nno colon here", 400),
            (b"GET /\xff HTTP/1.1", 400),
            (b"", 400),
        ] {
            assert_eq!(
                parse(head).unwrap_err(),
                status,
                "{}",
                String::from_utf8_lossy(head)
            );
        }
    }

    #[test]
    fn a_connection_is_answered_once_and_closed() {
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let address = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            serve(&listener, |request| {
                Response::text(200, &format!("{} {}", request.method, request.target))
            })
        });
        let ask = |request: &[u8]| {
            let mut stream = TcpStream::connect(address).unwrap();
            stream.write_all(request).unwrap();
            let mut answer = String::new();
            stream.read_to_string(&mut answer).unwrap();
            answer
        };
        let answer = ask(b"GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\n\r\n");
        assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
        assert!(answer.contains("Connection: close\r\n"), "{answer}");
        assert!(
            answer.ends_with("\r\n\r\nGET /a\n"),
            "one answer only: {answer}"
        );
        let answer = ask(b"HEAD /a HTTP/1.1\r\n\r\n");
        assert!(answer.ends_with("Content-Length: 8\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"), "{answer}");
        let mut huge = b"GET / HTTP/1.1\r\n".to_vec();
        huge.extend(std::iter::repeat_n(b'x', MOST_HEAD + 10));
        assert!(ask(&huge).starts_with("HTTP/1.1 431 "));
    }
}
