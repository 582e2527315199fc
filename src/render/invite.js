// The rater's form of leadgap: shows the questions of the rater's group,
// counts the answers, writes them as a leadgap response (TOML), seals it
// once to the round's key with age, and offers it to send back by email, as
// text or as a file. Nothing leaves the page unless the rater sends it.
(function () {
  "use strict";
  var LIMIT = 2000;
  var form = document.getElementById("leadgap-response");
  var status = document.getElementById("status");
  var progress = document.getElementById("progress");
  var groupSelect = form.elements.namedItem("group");
  var button = document.getElementById("create-response");
  var sealed = document.getElementById("sealed");
  var fieldsets = Array.prototype.slice.call(form.querySelectorAll("fieldset.q"));
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };
  form.hidden = false;

  function shown() {
    return fieldsets.filter(function (f) { return !f.hidden; });
  }

  // Whether a question has an answer (a number typed, a box ticked, an
  // option chosen, or "don't know"). "Doesn't apply" is no answer: a
  // response counts only when it answers half of what its group is asked.
  function answered(fieldset) {
    var inputs = fieldset.querySelectorAll("input");
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      if (input.value === "skip") continue;
      if ((input.type === "number" && input.value !== "") || input.checked) return true;
    }
    return false;
  }

  // The longest mailto: link mail programs keep whole.
  var MAILTO_LIMIT = 2000;

  function count() {
    if (groupSelect.value === "") {
      progress.textContent = "Choose your group to see your questions.";
      return;
    }
    var asked = shown();
    var done = asked.filter(answered).length;
    progress.textContent = done + " of " + asked.length + " answered";
  }

  // Only the questions of the chosen group are shown and answered.
  function showGroup() {
    var group = groupSelect.value;
    fieldsets.forEach(function (fieldset) {
      var groups = fieldset.getAttribute("data-groups");
      var applies = group !== "" && (groups === "" || groups.split(" ").indexOf(group) >= 0);
      fieldset.hidden = !applies;
      each(fieldset.querySelectorAll("input"), function (input) { input.disabled = !applies; });
    });
    // A theme none of whose questions are asked is not shown either.
    each(form.querySelectorAll("section.theme"), function (section) {
      section.hidden = !section.querySelector("fieldset.q:not([hidden])");
    });
    count();
  }
  groupSelect.addEventListener("change", showGroup);
  showGroup();

  // "None of these", "Don't know" and "Doesn't apply" go on their own.
  form.addEventListener("change", function (event) {
    var input = event.target;
    if (input.type === "checkbox" && input.checked) {
      var alone = input.parentNode.className === "alone" || input.parentNode.className === "extra";
      var boxes = form.querySelectorAll('input[name="' + input.name + '"]');
      each(boxes, function (other) {
        if (other === input) return;
        var otherAlone = other.parentNode.className === "alone" || other.parentNode.className === "extra";
        if (alone || otherAlone) other.checked = false;
      });
      if (alone) {
        var number = form.querySelector('input[type="number"][name="' + input.name + '"]');
        if (number) number.value = "";
      }
    }
    count();
  });
  form.addEventListener("input", count);

  // What the page can write, collect can read: no control characters, no
  // half of a surrogate pair, at most LIMIT characters.
  function clean(text) {
    var cleaned = String(text)
      .replace(/\r\n?/g, "\n")
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "")
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/g, function (m, before) {
        return (before || "") + "\ufffd";
      })
      .trim();
    return Array.from(cleaned).slice(0, LIMIT).join("");
  }

  each(["keep", "change"], function (key) {
    var area = form.elements.namedItem(key);
    var counter = document.getElementById(key + "-count");
    area.addEventListener("input", function () {
      counter.textContent = Array.from(area.value).length.toLocaleString("en") + " of 2,000 characters";
    });
  });

  // A TOML basic string (JSON's escapes are TOML's, for cleaned text).
  function str(text) {
    return JSON.stringify(String(text));
  }

  function answerOf(fieldset) {
    var name = fieldset.getAttribute("data-question");
    var kind = fieldset.getAttribute("data-kind");
    var inputs = Array.prototype.slice.call(fieldset.querySelectorAll('input[name="' + name + '"]'));
    var checked = inputs.filter(function (i) { return i.checked; });
    var extra = checked.filter(function (i) { return i.parentNode.className === "extra"; })[0];
    if (extra) return str(extra.value);
    if (kind === "scale") return checked.length ? checked[0].value : str("skip");
    if (kind === "choice") return checked.length ? str(checked[0].value) : str("skip");
    if (kind === "multi") return "[" + checked.map(function (i) { return str(i.value); }).join(", ") + "]";
    var number = inputs.filter(function (i) { return i.type === "number"; })[0];
    if (!number || number.value === "") return str("skip");
    if (!number.checkValidity()) {
      number.focus();
      throw new Error("“" + fieldset.querySelector("legend").textContent + "”: " + number.validationMessage);
    }
    return String(Number(number.value));
  }

  function randomId() {
    var bytes = new Uint8Array(6);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  var links = [];

  function forget() {
    links.forEach(function (url) { URL.revokeObjectURL(url); });
    links = [];
  }

  // One press seals once: the button stays disabled until the page is
  // cleared, so that a double press cannot make two answers.
  button.addEventListener("click", function () {
    if (button.disabled) return;
    var group = groupSelect.value;
    if (group === "") {
      status.textContent = "Choose your group first: it decides which questions you are asked.";
      groupSelect.focus();
      return;
    }
    var asked = shown();
    var done = asked.filter(answered).length;
    if (done * 2 < asked.length) {
      status.textContent = "Please answer at least half of your " + asked.length +
        " questions: you answered " + done + ". “Doesn't apply” is not an answer (“Don't know” is," +
        " where it is offered), and a response with fewer answers is not counted.";
      return;
    }
    var round = form.getAttribute("data-round");
    var code = form.getAttribute("data-code");
    var id = randomId();
    var lines;
    try {
      lines = [
        "questionnaire = " + str(form.getAttribute("data-form")),
        "",
        "[response]",
        "round = " + str(round),
        "invitation = " + str(form.getAttribute("data-invitation")),
        "id = " + str(id),
        "group = " + str(group)
      ];
      if (code) lines.push("code = " + str(code));
      lines.push(
        "written = " + str(new Date().toISOString().replace(/\.\d+Z$/, "Z")),
        "",
        "[context]",
        "group = " + str(group),
        "",
        "[answers]"
      );
      asked.forEach(function (fieldset) {
        lines.push(fieldset.getAttribute("data-question") + " = " + answerOf(fieldset));
      });
    } catch (error) {
      status.textContent = error.message;
      return;
    }
    var keep = clean(form.elements.namedItem("keep").value);
    var change = clean(form.elements.namedItem("change").value);
    lines.push("", "[comments]");
    if (keep) lines.push("keep = " + str(keep));
    if (change) lines.push("change = " + str(change));
    var text = lines.join("\n") + "\n";
    button.disabled = true;
    status.textContent = "Sealing…";
    var encrypter = new age.Encrypter();
    encrypter.addRecipient(form.getAttribute("data-recipient"));
    pack(text).then(function (packed) {
      return encrypter.encrypt(packed);
    }).then(function (binary) {
      var armored = age.armor.encode(binary);
      var name = "response-" + round + "-" + id + ".age";
      // No answer stays on the page once it is sealed.
      form.reset();
      showGroup();
      form.hidden = true;
      status.textContent = "";
      document.getElementById("sealed-response").value = armored;
      var email = form.getAttribute("data-email");
      var mailto = "mailto:" + encodeURIComponent(email).replace(/%40/g, "@") +
        "?subject=" + encodeURIComponent("leadgap round " + round) +
        "&body=" + encodeURIComponent(armored);
      // A link longer than mail programs keep would arrive cut short: the
      // page says to copy or download instead, and offers no such link.
      var sendEmail = document.getElementById("send-email");
      var tooLong = mailto.length > MAILTO_LIMIT;
      sendEmail.hidden = tooLong;
      sendEmail.href = tooLong ? "#" : mailto;
      document.getElementById("too-long").hidden = !tooLong;
      var download = document.getElementById("download-response");
      var url = URL.createObjectURL(new Blob([binary], { type: "application/octet-stream" }));
      links.push(url);
      download.href = url;
      download.setAttribute("download", name);
      sealed.hidden = false;
      document.getElementById("sealed-heading").focus();
    }, function (error) {
      button.disabled = false;
      status.textContent = "Your answers could not be sealed: " + error;
    });
  });

  // The answers packed with gzip before they are sealed, so that a typical
  // response fits in a link to an email; `collect` unpacks them. A browser
  // without CompressionStream seals the text as it is, which `collect`
  // reads too.
  function pack(text) {
    if (typeof CompressionStream !== "function") return Promise.resolve(text);
    var stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
    return new Response(stream).arrayBuffer().then(function (buffer) {
      return new Uint8Array(buffer);
    });
  }

  document.getElementById("copy-response").addEventListener("click", function () {
    var area = document.getElementById("sealed-response");
    var said = document.getElementById("sent-status");
    var done = function () { said.textContent = "Copied: paste it into an email or a message."; };
    var fallback = function () {
      area.focus();
      area.select();
      try {
        if (document.execCommand("copy")) { done(); return; }
      } catch (ignored) { /* below */ }
      said.textContent = "Select the text below and copy it.";
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(area.value).then(done, fallback);
    } else {
      fallback();
    }
  });

  document.getElementById("clear-response").addEventListener("click", function () {
    forget();
    document.getElementById("sealed-response").value = "";
    document.getElementById("send-email").href = "#";
    document.getElementById("send-email").hidden = false;
    document.getElementById("too-long").hidden = true;
    document.getElementById("download-response").href = "#";
    document.getElementById("sent-status").textContent = "";
    each(["keep", "change"], function (key) {
      document.getElementById(key + "-count").textContent = "0 of 2,000 characters";
    });
    sealed.hidden = true;
    form.hidden = false;
    button.disabled = false;
    groupSelect.focus();
  });
})();
