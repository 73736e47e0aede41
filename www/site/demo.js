// The demo site: the index lists the built packs; exercise.html#<pack>/<exercise> shows one
// exercise in a <py-kata> element.
const nav = document.getElementById("packs");
const kata = document.getElementById("kata");

async function listPacks() {
  const index = await (await fetch("exercises/index.json")).json();
  nav.replaceChildren();
  for (const pack of index.packs) {
    const section = document.createElement("section");
    const heading = document.createElement("h2");
    heading.textContent = pack.title;
    const description = document.createElement("p");
    description.textContent = pack.description ?? "";
    const list = document.createElement("ul");
    for (const exercise of pack.exercises) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = `exercise.html#${pack.id}/${exercise.id}`;
      link.textContent = exercise.title;
      const meta = document.createElement("small");
      meta.textContent = ` · ${exercise.difficulty}`;
      item.append(link, meta);
      list.append(item);
    }
    section.append(heading, description, list);
    nav.append(section);
  }
}

function showExercise() {
  const [pack, id] = location.hash.slice(1).split("/");
  if (!pack || !id) return;
  kata.setAttribute("src", `exercises/${pack}/${id}.json`);
  document.title = `${id} · pykata`;
}

if (nav) await listPacks();
if (kata) {
  showExercise();
  window.addEventListener("hashchange", showExercise);
}
