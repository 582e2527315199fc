// The invitation form of leadgap: shows the questions of the rater's group,
// writes the answers as a leadgap response file (TOML), encrypts it to the
// round's recipient with age, and downloads it. Nothing leaves the page.
(function () {
  "use strict";
  var form = document.getElementById("leadgap-response");
  var status = document.getElementById("status");
  var groupSelect = form.elements.namedItem("group");
  var fieldsets = Array.prototype.slice.call(form.querySelectorAll("fieldset.q"));

  // Only the questions of the chosen group are shown and answered.
  function showGroup() {
    var group = groupSelect.value;
    fieldsets.forEach(function (fieldset) {
      var groups = fieldset.getAttribute("data-groups");
      var applies = group !== "" && (groups === "" || groups.split(" ").indexOf(group) >= 0);
      fieldset.hidden = !applies;
      Array.prototype.forEach.call(fieldset.querySelectorAll("input"), function (input) {
        input.disabled = !applies;
      });
    });
    // A theme none of whose questions are asked is not shown either.
    Array.prototype.forEach.call(form.querySelectorAll("section.theme"), function (section) {
      section.hidden = !section.querySelector("fieldset.q:not([hidden])");
    });
  }
  groupSelect.addEventListener("change", showGroup);
  showGroup();

  // "None of these", "Don't know" and "Doesn't apply" go on their own.
  form.addEventListener("change", function (event) {
    var input = event.target;
    if (input.type !== "checkbox" || !input.checked) return;
    var alone = input.parentNode.className === "alone" || input.parentNode.className === "extra";
    var boxes = form.querySelectorAll('input[name="' + input.name + '"]');
    Array.prototype.forEach.call(boxes, function (other) {
      if (other === input) return;
      var otherAlone = other.parentNode.className === "alone" || other.parentNode.className === "extra";
      if (alone || otherAlone) other.checked = false;
    });
    if (alone) {
      var number = form.querySelector('input[type="number"][name="' + input.name + '"]');
      if (number) number.value = "";
    }
  });

  // A TOML basic string (JSON's escapes are TOML's).
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
    if (!number.checkValidity()) throw new Error("“" + fieldset.querySelector("legend").textContent + "”: " + number.validationMessage);
    return String(Number(number.value));
  }

  function randomId() {
    var bytes = new Uint8Array(6);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  var button = document.getElementById("create-response");
  button.addEventListener("click", function () {
    // One press seals once: a second press while sealing does nothing.
    if (button.disabled) return;
    var group = groupSelect.value;
    if (group === "") {
      status.textContent = "Choose your group first: it decides which questions you are asked.";
      groupSelect.focus();
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
        "id = " + str(id),
        "group = " + str(group),
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
      fieldsets.filter(function (f) { return !f.hidden; }).forEach(function (fieldset) {
        lines.push(fieldset.getAttribute("data-question") + " = " + answerOf(fieldset));
      });
    } catch (error) {
      status.textContent = error.message;
      return;
    }
    var keep = form.elements.namedItem("keep").value.trim();
    var change = form.elements.namedItem("change").value.trim();
    lines.push("", "[comments]");
    if (keep) lines.push("keep = " + str(keep));
    if (change) lines.push("change = " + str(change));
    var text = lines.join("\n") + "\n";
    status.textContent = "Sealing…";
    button.disabled = true;
    var encrypter = new age.Encrypter();
    encrypter.addRecipient(form.getAttribute("data-recipient"));
    encrypter.encrypt(text).then(function (sealed) {
      var name = "response-" + round + "-" + id + ".age";
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([sealed], { type: "application/octet-stream" }));
      link.download = name;
      document.body.appendChild(link);
      link.click();
      // No answer stays on the page once the file exists.
      form.reset();
      fieldsets.forEach(function (f) { f.hidden = true; });
      form.hidden = true;
      var done = document.createElement("p");
      done.id = "done";
      done.setAttribute("role", "status");
      done.textContent = "Your encrypted response was saved as " + name + ". Send that file " +
        form.getAttribute("data-reply-to") + ". Nobody but the collector can open it. You can close this page.";
      form.parentNode.insertBefore(done, form.nextSibling);
      done.focus();
    }, function (error) {
      button.disabled = false;
      status.textContent = "The response could not be sealed: " + error;
    });
  });
})();
