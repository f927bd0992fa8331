/**
 * Sortable tables, as a progressive enhancement: without this script the table is complete, just unsorted.
 *
 * A table with the attribute data-kki-urut gets a button in each header cell that carries data-urut.
 * Cells may hold their sort key in data-nilai (levels as 1-3, counts as numbers); an empty key means
 * "belum terdokumentasi" and always sorts last, whatever the direction.
 */

const collator = new Intl.Collator("id", { numeric: true, sensitivity: "base" });

function key(row, column) {
  const cell = row.children[column];
  return cell.dataset.nilai ?? cell.textContent.trim();
}

function compare(a, b) {
  const numbers = [Number(a), Number(b)];
  if (numbers.every((value) => !Number.isNaN(value))) return numbers[0] - numbers[1];
  return collator.compare(a, b);
}

function sortBy(table, column, direction) {
  const body = table.tBodies[0];
  const rows = [...body.rows];
  rows.sort((a, b) => {
    const [first, second] = [key(a, column), key(b, column)];
    if (first === "" || second === "") return (first === "") - (second === "");
    return direction * compare(first, second);
  });
  body.append(...rows);
  table.querySelectorAll("thead th").forEach((th, index) => {
    if (index === column) th.setAttribute("aria-sort", direction > 0 ? "ascending" : "descending");
    else th.removeAttribute("aria-sort");
  });
}

function enhance(table) {
  table.querySelectorAll("thead th[data-urut]").forEach((th) => {
    const column = th.cellIndex;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "kki-urut-tombol";
    button.append(...th.childNodes);
    button.setAttribute("aria-label", `Urutkan menurut ${button.textContent.trim()}`);
    th.append(button);
    button.addEventListener("click", () => {
      const direction = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      sortBy(table, column, direction);
    });
  });
  table.classList.add("kki-urut-aktif");
}

document.querySelectorAll("table[data-kki-urut]").forEach(enhance);
