//! Answers as they come back: mail built by a mail library (base64,
//! quoted-printable, HTML-only, attachments binary and armored, forwarded
//! and quoted mail), a mailbox of them, armor joined or re-wrapped by a chat
//! app; every file and message that holds nothing is named, and an input
//! over the limit is an error, never silently cut.

use mail_builder::MessageBuilder;
use mail_builder::mime::MimePart;

use super::*;
use crate::support::Sandbox;

/// Base64, as a mail client writes a body: 76 characters a line.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out.as_bytes()
        .chunks(76)
        .map(|l| format!("{}\r\n", String::from_utf8_lossy(l)))
        .collect()
}

/// A mail from a rater to the collector.
fn mail() -> MessageBuilder<'static> {
    MessageBuilder::new()
        .from(("Lee Park", "lee@example.org"))
        .to("morgan@example.org")
        .subject("leadgap round")
}

#[test]
fn every_way_a_mail_or_a_chat_carries_an_answer_counts_and_what_holds_none_is_named() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    // Nine answers: six people of the figures' tests and three more peers.
    six_shared(&sandbox, &round);
    for (name, all) in [("peer4", 3), ("peer5", 5), ("peer6", 2)] {
        respond_to(
            &sandbox,
            round.shared(),
            name,
            "small-team",
            &small("peer", all, "money-seen = 4", None),
        );
    }
    let folder = responses(&sandbox);
    let take = |name: &str| {
        let path = folder.join(format!("{name}.age"));
        let bytes = std::fs::read(&path).unwrap();
        std::fs::remove_file(path).unwrap();
        bytes
    };
    let armor = |bytes: &[u8]| leadgap::testing::armor(bytes).unwrap();
    let inbox = sandbox.scratch().join("inbox");
    std::fs::create_dir_all(inbox.join("saved")).unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(inbox.join(name), bytes).unwrap();

    // A plain mail whose body is base64, as many clients send UTF-8.
    let body = format!("Grüße,\r\n{}", armor(&take("dr1")));
    let base64_mail = mail()
        .body(MimePart::new("text/plain", base64(body.as_bytes())).transfer_encoding("base64"))
        .write_to_vec()
        .unwrap();
    assert!(String::from_utf8_lossy(&base64_mail).contains("Content-Transfer-Encoding: base64"));
    write("base64.eml", &base64_mail);
    // Quoted-printable, which turns the armor's padding `=` into `=3D`.
    let armored = armor(&take("dr2"));
    let qp: String = armored
        .replace('=', "=3D")
        .lines()
        .map(|l| format!("{l}\r\n"))
        .collect();
    let qp_mail = mail()
        .body(
            MimePart::new("text/plain", format!("Hallo =C3=A4\r\n{qp}"))
                .transfer_encoding("quoted-printable"),
        )
        .write_to_vec()
        .unwrap();
    write("saved/quoted-printable.eml", &qp_mail);
    // HTML only, the armor's lines joined by <br>.
    let html = format!(
        "<p>Here it is:</p><p>{}</p>",
        armor(&take("dr3")).trim_end().replace('\n', "<br>\n")
    );
    write("html.eml", &mail().html_body(html).write_to_vec().unwrap());
    // The `.age` file the form downloads, attached.
    write(
        "attached.eml",
        &mail()
            .text_body("My answers are attached.")
            .attachment("application/octet-stream", "response.age", take("peer1"))
            .write_to_vec()
            .unwrap(),
    );
    // The armored text, attached as a text file.
    write(
        "attached-text.eml",
        &mail()
            .text_body("Attached as text.")
            .attachment("text/plain", "answer.txt", armor(&take("peer2")))
            .write_to_vec()
            .unwrap(),
    );
    // Forwarded: the rater's mail inside another.
    let original = mail()
        .text_body(armor(&take("peer3")))
        .write_to_vec()
        .unwrap();
    write(
        "forwarded.eml",
        &MessageBuilder::new()
            .from("assistant@example.org")
            .to("morgan@example.org")
            .subject("Fwd: leadgap round")
            .text_body("Forwarding this for Lee.")
            .attachment("message/rfc822", "original.eml", original)
            .write_to_vec()
            .unwrap(),
    );
    // A mailbox of two mails, one a reply that quotes the answer with `> `,
    // and a third that holds nothing.
    let quoted: String = armor(&take("peer4"))
        .lines()
        .map(|l| format!("> {l}\r\n"))
        .collect();
    let reply = mail()
        .text_body(format!("On Monday Lee wrote:\r\n{quoted}"))
        .write_to_vec()
        .unwrap();
    let wrapped: String = {
        // Re-wrapped by a client to 40 columns.
        let armored = armor(&take("peer5"));
        let body: String = armored
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .collect();
        let lines: Vec<String> = body
            .as_bytes()
            .chunks(40)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        format!(
            "-----BEGIN AGE ENCRYPTED FILE-----\r\n{}\r\n-----END AGE ENCRYPTED FILE-----\r\n",
            lines.join("\r\n")
        )
    };
    let rewrapped = mail().text_body(wrapped).write_to_vec().unwrap();
    let lunch = mail().text_body("Lunch on Friday?").write_to_vec().unwrap();
    let mut mbox = Vec::new();
    for message in [&reply, &rewrapped, &lunch] {
        mbox.extend_from_slice(b"From lee@example.org Mon Nov 23 09:00:00 2026\n");
        mbox.extend_from_slice(message);
        mbox.extend_from_slice(b"\n");
    }
    write("leadgap.mbox", &mbox);
    // Pasted into a chat, which joined the armor's lines into one.
    let joined = armor(&take("peer6")).replace('\n', " ");
    write("chat.txt", format!("Lee: {joined}").as_bytes());
    // And what holds nothing: a junk .age, notes.
    write("junk.age", b"not an age file at all");
    write("notes.txt", b"Remember to thank everyone.");

    let ran = sandbox
        .run(["collect", &round.id, "--status"])
        .arg(&inbox)
        .stderr_checked_by_the_test()
        .output();
    assert_eq!(
        ran.stderr,
        "warning: skipping `[SANDBOX]/inbox/junk.age`: it holds no sealed response\n\
         warning: skipping `[SANDBOX]/inbox/leadgap.mbox, message 3`: it holds no sealed \
         response\n\
         warning: skipping `[SANDBOX]/inbox/notes.txt`: it holds no sealed response\n\
         Read 10 inputs (1 mailbox, 9 mails): 9 sealed responses, 9 count; 3 skipped, named \
         above.\n"
    );
    assert!(
        ran.stdout.starts_with(&format!(
            "Round {} about Sam Hero: 9 responses count so far.",
            round.id
        )),
        "{}",
        ran.stdout
    );
}

#[test]
fn standard_input_over_the_limit_is_an_error_and_nothing_is_counted() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    let big = vec![b'x'; 64 * 1024 * 1024 + 1];
    sandbox
        .run(["collect", &round.id, "-"])
        .stdin(big)
        .status(1)
        .stderr(
            "error: standard input is larger than 64 MiB, more than any set of answers; nothing \
             was counted\n  help: give the responses in smaller files, or only the mails that \
             hold them\n",
        )
        .run();
    // Just under it, read whole: the answer at its end counts.
    six_shared(&sandbox, &round);
    let answer =
        leadgap::testing::armor(&std::fs::read(responses(&sandbox).join("dr1.age")).unwrap())
            .unwrap();
    std::fs::remove_file(responses(&sandbox).join("dr1.age")).unwrap();
    let mut text = vec![b' '; 60 * 1024 * 1024];
    text.extend_from_slice(answer.as_bytes());
    sandbox
        .run(["collect", &round.id, "--status", "-"])
        .arg(responses(&sandbox))
        .stdin(text)
        .stderr(&read_all(6))
        .stdout_any()
        .run();
}
