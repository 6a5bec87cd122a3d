/* Read aloud: the browser's own speech synthesis reads the guidance text.
   Progressive enhancement: the controls stay hidden unless the browser has
   speechSynthesis AND a voice for the page's language. Pausable. No dependencies. */
(function () {
  "use strict";
  var box = document.querySelector(".read-aloud");
  var text = document.getElementById("guidance-text");
  if (!box || !text || !("speechSynthesis" in window) || !window.SpeechSynthesisUtterance) {
    return;
  }
  var synth = window.speechSynthesis;
  var lang = (box.getAttribute("data-lang") || document.documentElement.lang || "").toLowerCase();
  var play = box.querySelector("[data-read-aloud=play]");
  var stop = box.querySelector("[data-read-aloud=stop]");
  var state = "idle"; // idle | speaking | paused

  function voiceFor(code) {
    var voices = synth.getVoices();
    for (var i = 0; i < voices.length; i++) {
      var v = (voices[i].lang || "").toLowerCase().replace("_", "-");
      if (v === code || v.indexOf(code + "-") === 0) { return voices[i]; }
    }
    return null;
  }

  function label(name) { return box.getAttribute("data-label-" + name) || ""; }

  function setState(next) {
    state = next;
    play.textContent = label(next === "speaking" ? "pause" : next === "paused" ? "resume" : "play");
    play.setAttribute("aria-pressed", next === "speaking" ? "true" : "false");
    stop.hidden = next === "idle";
  }

  function start() {
    var voice = voiceFor(lang);
    if (!voice) { return; }
    synth.cancel();
    var utterance = new SpeechSynthesisUtterance(text.innerText);
    utterance.lang = voice.lang;
    utterance.voice = voice;
    utterance.onend = function () { setState("idle"); };
    utterance.onerror = function () { setState("idle"); };
    synth.speak(utterance);
    setState("speaking");
  }

  play.addEventListener("click", function () {
    if (state === "idle") { start(); }
    else if (state === "speaking") { synth.pause(); setState("paused"); }
    else { synth.resume(); setState("speaking"); }
  });
  stop.addEventListener("click", function () { synth.cancel(); setState("idle"); });
  window.addEventListener("pagehide", function () { synth.cancel(); });

  function reveal() {
    if (voiceFor(lang)) { box.hidden = false; setState("idle"); }
  }
  reveal();
  if (box.hidden && "onvoiceschanged" in synth) {
    synth.addEventListener("voiceschanged", reveal);
  }
})();
