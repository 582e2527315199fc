//! Sealed responses found wherever a rater or a mail client put them: a
//! binary age file; armored blocks in text — pasted, quoted with `>`,
//! re-wrapped by a mail client or joined into one line by a chat app; and
//! mail, read as mail with a MIME parser: bodies in any transfer encoding,
//! HTML-only mail, attachments binary or armored, forwarded messages, and
//! mailboxes (mbox) of such mails.
//!
//! Pure: bytes in, envelopes and reasons out. Every input, or message in
//! it, that holds no envelope that can be read is [`Skipped`] with why; no
//! reason quotes what is inside.

use mail_parser::{Message, MessageParser, PartType};

use super::encryption::{self, ARMOR_BEGIN, ARMOR_END, BINARY_MAGIC};

/// A sealed response as found: where, and the binary age file (however it
/// came: binary, armored, in a mail).
#[derive(Debug)]
pub struct Sealed {
    /// Where it was found, for messages: a file, `inbox.mbox, message 3`.
    pub place: String,
    /// The envelope as a binary age file.
    pub binary: Vec<u8>,
}

/// An input, or a message in it, that gave no response, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// Where.
    pub place: String,
    /// Why, without quoting anything from inside.
    pub why: String,
}

/// Everything found in the inputs so far.
#[derive(Debug, Default)]
pub struct Found {
    /// The envelopes, in the order found.
    pub sealed: Vec<Sealed>,
    /// What gave none.
    pub skipped: Vec<Skipped>,
    /// How many inputs (files, standard input) were read.
    pub inputs: usize,
    /// How many of them were mailboxes.
    pub mailboxes: usize,
    /// How many mails were read, in mailboxes or on their own.
    pub messages: usize,
}

/// Why an input holds nothing to open.
pub const NOTHING: &str = "it holds no sealed response";

impl Found {
    /// Looks for envelopes in one input's `bytes`.
    pub fn search(&mut self, place: &str, bytes: &[u8]) {
        self.inputs += 1;
        if bytes.starts_with(BINARY_MAGIC) {
            self.sealed.push(Sealed {
                place: place.to_owned(),
                binary: bytes.to_vec(),
            });
        } else if is_mailbox(bytes) {
            self.mailboxes += 1;
            let reader = mail_parser::mailbox::mbox::MessageIterator::new(bytes);
            for (index, message) in reader.enumerate() {
                let place = format!("{place}, message {}", index + 1);
                match message {
                    Ok(message) => self.mail(&place, message.contents()),
                    Err(_) => self.skip(&place, "the mailbox cannot be read past here"),
                }
            }
        } else if is_mail(bytes) {
            self.mail(place, bytes);
        } else {
            let text = String::from_utf8_lossy(bytes);
            let mut blocks = Blocks::default();
            blocks.armored(&text);
            self.take(place, blocks);
        }
    }

    /// One mail: every part of it, nested messages included.
    fn mail(&mut self, place: &str, bytes: &[u8]) {
        self.messages += 1;
        let mut blocks = Blocks::default();
        match MessageParser::default().parse(bytes) {
            Some(message) => blocks.message(&message, 0),
            None => blocks.armored(&String::from_utf8_lossy(bytes)),
        }
        self.take(place, blocks);
    }

    fn take(&mut self, place: &str, blocks: Blocks) {
        if blocks.found.is_empty() {
            self.skip(place, NOTHING);
            return;
        }
        let many = blocks.found.len() > 1;
        for (index, found) in blocks.found.into_iter().enumerate() {
            let place = if many {
                format!("{place} (response {})", index + 1)
            } else {
                place.to_owned()
            };
            match found {
                Ok(binary) => self.sealed.push(Sealed { place, binary }),
                Err(why) => self.skip(&place, why),
            }
        }
    }

    /// Notes an input that gave nothing, and why.
    pub fn skip(&mut self, place: &str, why: &str) {
        self.skipped.push(Skipped {
            place: place.to_owned(),
            why: why.to_owned(),
        });
    }
}

/// The envelopes of one input or one mail, each read or why not; the same
/// envelope twice in one mail (its text and its HTML part) once.
#[derive(Default)]
struct Blocks {
    found: Vec<Result<Vec<u8>, &'static str>>,
}

impl Blocks {
    fn push(&mut self, found: Result<Vec<u8>, &'static str>) {
        if !self.found.contains(&found) {
            self.found.push(found);
        }
    }

    fn message(&mut self, message: &Message, depth: usize) {
        // A mail forwarded inside a mail inside a mail… is not worth a
        // stack: ten levels are more than any client makes.
        if depth > 10 {
            return;
        }
        for part in &message.parts {
            match &part.body {
                PartType::Text(text) => self.armored(text),
                PartType::Html(html) => {
                    self.armored(&mail_parser::decoders::html::html_to_text(html));
                }
                PartType::Binary(bytes) | PartType::InlineBinary(bytes) => {
                    if bytes.starts_with(BINARY_MAGIC) {
                        self.push(Ok(bytes.to_vec()));
                    } else if let Ok(text) = std::str::from_utf8(bytes) {
                        self.armored(text);
                    }
                }
                PartType::Message(inner) => self.message(inner, depth + 1),
                PartType::Multipart(_) => {}
            }
        }
    }

    /// Every armored block in `text`, however its lines were quoted,
    /// re-wrapped or joined.
    fn armored(&mut self, text: &str) {
        let mut rest = text;
        while let Some(start) = rest.find(ARMOR_BEGIN) {
            let after = &rest[start + ARMOR_BEGIN.len()..];
            let Some(end) = after.find(ARMOR_END) else {
                self.push(Err("a sealed response in it is cut short"));
                break;
            };
            if let Some(next) = after[..end].find(ARMOR_BEGIN) {
                // A block cut short, then another.
                self.push(Err("a sealed response in it is cut short"));
                rest = &after[next..];
                continue;
            }
            self.push(decode(&after[..end]).ok_or("a sealed response in it is damaged"));
            rest = &after[end + ARMOR_END.len()..];
        }
    }
}

/// The binary envelope of an armored block's body: quoting (`> `),
/// quoted-printable remains (`=3D`, soft breaks) and every space and line
/// break taken out, then read as age's armor reads it.
fn decode(body: &str) -> Option<Vec<u8>> {
    let mut base64 = String::with_capacity(body.len());
    for line in body.lines() {
        let line = line.trim_start_matches(|c: char| c == '>' || c.is_whitespace());
        base64.extend(line.chars().filter(|c| !c.is_whitespace()));
    }
    let base64 = base64.replace("=3D", "=").replace('=', "");
    if base64.is_empty()
        || !base64
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
    {
        return None;
    }
    let padding = (4 - base64.len() % 4) % 4;
    let padded = format!("{base64}{}", "=".repeat(padding));
    let mut armored = format!("{ARMOR_BEGIN}\n");
    for chunk in padded.as_bytes().chunks(64) {
        armored.push_str(std::str::from_utf8(chunk).ok()?);
        armored.push('\n');
    }
    armored.push_str(ARMOR_END);
    armored.push('\n');
    let binary = encryption::binary(armored.as_bytes()).ok()?;
    binary.starts_with(BINARY_MAGIC).then_some(binary)
}

/// Whether `bytes` is an mbox file: `From ` lines between mails.
fn is_mailbox(bytes: &[u8]) -> bool {
    bytes.starts_with(b"From ")
        && bytes
            .iter()
            .position(|&b| b == b'\n')
            .is_some_and(|end| is_mail(&bytes[end + 1..]))
}

/// Whether `bytes` begins as a mail does: header lines (`Name: value`, or
/// continued with a space) up to a blank line, among them one a mail has.
fn is_mail(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let text = String::from_utf8_lossy(head);
    let mut known = false;
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            return known && index > 0;
        }
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((name, _)) = line.split_once(':') else {
            return false;
        };
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_graphic()) {
            return false;
        }
        known |= [
            "from",
            "to",
            "subject",
            "date",
            "message-id",
            "mime-version",
            "content-type",
            "received",
            "return-path",
        ]
        .contains(&name.to_ascii_lowercase().as_str());
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sealed() -> (Vec<u8>, String) {
        let (_, public) = encryption::generate();
        let binary = encryption::seal(&public, &[7u8; 300]).unwrap();
        let armored = encryption::armor(&binary).unwrap();
        (binary, armored)
    }

    fn found(text: &str) -> Found {
        let mut found = Found::default();
        found.search("in", text.as_bytes());
        found
    }

    #[test]
    fn armor_is_read_however_it_was_quoted_wrapped_or_joined() {
        let (binary, armored) = sealed();
        let quoted: String = armored.lines().map(|l| format!("> > {l}\n")).collect();
        let joined = format!("see: {} thanks", armored.replace('\n', " "));
        let body: String = armored
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .collect();
        let rewrapped = format!(
            "{ARMOR_BEGIN}\n{}\n{ARMOR_END}\n",
            body.as_bytes()
                .chunks(30)
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect::<Vec<_>>()
                .join("\r\n")
        );
        let printable = armored.replace('=', "=3D");
        for text in [&armored, &quoted, &joined, &rewrapped, &printable] {
            let found = found(text);
            assert_eq!(found.sealed.len(), 1, "{text}");
            assert_eq!(found.sealed[0].binary, binary);
            assert!(found.skipped.is_empty());
        }
    }

    #[test]
    fn what_holds_nothing_or_a_broken_block_is_named_with_why() {
        let (_, armored) = sealed();
        assert_eq!(found("hello").skipped[0].why, NOTHING);
        let cut = &armored[..armored.len() / 2];
        assert_eq!(
            found(cut).skipped[0].why,
            "a sealed response in it is cut short"
        );
        let mut lines: Vec<String> = armored.lines().map(str::to_owned).collect();
        lines[1].replace_range(..1, "!");
        let damaged = lines.join("\n");
        let found = found(&format!("{damaged}\n{armored}"));
        assert_eq!(found.skipped[0].place, "in (response 1)");
        assert_eq!(found.skipped[0].why, "a sealed response in it is damaged");
        assert_eq!(found.sealed[0].place, "in (response 2)");
    }
}
