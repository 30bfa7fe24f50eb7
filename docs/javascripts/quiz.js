// Multiple-choice questions (```quiz fences): choosing an option says right or wrong and why.
// Radio buttons in a fieldset work by keyboard; the feedback is a polite live region, so a
// screen reader announces it. Runs again on each page Material's instant navigation loads.
document$.subscribe(({ body }) => {
  body.querySelectorAll("form[data-quiz]").forEach((form) => {
    const feedback = form.querySelector(".handbook-quiz__feedback");
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("change", (event) => {
      const choice = event.target;
      if (!(choice instanceof HTMLInputElement) || choice.type !== "radio") return;
      const right = choice.dataset.correct === "true";
      const why = form.querySelector(`.handbook-quiz__why[data-option="${choice.value}"]`);
      form.classList.toggle("handbook-quiz--right", right);
      form.classList.toggle("handbook-quiz--wrong", !right);
      feedback.innerHTML = `<strong>${right ? "Right." : "Not quite."}</strong> ` + (why ? why.innerHTML : "");
    });
  });
});
