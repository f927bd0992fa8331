from katalog.frontmatter import decode, parse_document


def test_fields_keep_their_file_lines_and_dates_stay_text():
    document, problems = parse_document("---\nid: x\nsumber:\n  - id: S1\n    tanggal: 2024-10-21\n---\nIsi\n", "f.md")
    assert problems == []
    assert document.data == {"id": "x", "sumber": [{"id": "S1", "tanggal": "2024-10-21"}]}
    assert document.line_of(("sumber", 0, "tanggal")) == 5
    assert document.line_of(("sumber", 0, "judul")) == 4  # missing field: its nearest parent
    assert document.body == "Isi\n"
    assert document.body_line == 7


def test_missing_front_matter_is_reported_on_line_one():
    document, problems = parse_document("# Judul saja\n", "f.md")
    assert document is None
    assert problems[0].format().startswith("f.md:1: berkas harus diawali front matter")


def test_unclosed_front_matter_is_reported():
    _, problems = parse_document("---\nid: x\n", "f.md")
    assert "tidak ditutup" in problems[0].message


def test_tab_indentation_names_the_tab_and_its_line():
    _, problems = parse_document("---\nid: x\nkecamatan:\n\tkode: '35.79.03'\n---\n", "f.md")
    assert (problems[0].line, problems[0].message) == (
        4,
        "karakter tab tidak boleh dipakai di YAML; ganti dengan spasi",
    )


def test_unclosed_quote_points_at_the_opening_quote():
    _, problems = parse_document('---\nid: x\nnama: "Lansia Smart\nakronim: y\n---\n', "f.md")
    assert problems[0].line == 3
    assert "tanda kutip" in problems[0].message


def test_yaml_aliases_are_refused_before_anything_is_built():
    bomb = "---\na: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n---\n"
    document, problems = parse_document(bomb, "f.md")
    assert document is None
    assert problems[0].line == 3
    assert "alias YAML" in problems[0].message


def test_repeated_key_is_refused_instead_of_silently_overwritten():
    _, problems = parse_document("---\nnama: A\nnama: B\n---\n", "f.md")
    assert (problems[0].line, problems[0].field) == (3, "nama")


def test_windows_line_endings_and_bom_are_accepted():
    text, problems = decode("\ufeff---\r\nid: x\r\n---\r\nIsi\r\n".encode(), "f.md")
    assert problems == []
    document, problems = parse_document(text, "f.md")
    assert problems == [] and document.data == {"id": "x"} and document.body == "Isi\n"


def test_text_that_is_not_utf8_is_refused_with_its_line():
    text, problems = decode("---\nnama: Caf\xe9\n---\n".encode("latin-1"), "f.md")
    assert text is None
    assert problems[0].line == 2
    assert "UTF-8" in problems[0].message


def test_oversized_file_is_refused():
    text, problems = decode(b"x" * 300_000, "f.md")
    assert text is None
    assert "terlalu besar" in problems[0].message


def test_yaml_tags_are_refused_with_their_line_instead_of_crashing():
    text = "---\nid: x\nnama: !!binary aGFsbw==\nakronim: !python/object:os.system x\n---\n"
    document, problems = parse_document(text, "f.md")
    assert document is None
    assert [(problem.line, problem.field) for problem in problems] == [(3, "nama"), (4, "akronim")]
    assert "tag YAML '!!binary' tidak diizinkan" in problems[0].message
    assert "tag YAML '!python/object:os.system' tidak diizinkan" in problems[1].message


def test_a_list_as_a_key_is_refused():
    _, problems = parse_document("---\n? [a, b]\n: 1\n---\n", "f.md")
    assert (problems[0].line, problems[0].message) == (2, "kunci harus berupa teks biasa, bukan daftar atau kelompok")


def test_empty_front_matter_is_a_problem_not_a_silently_missing_page():
    document, problems = parse_document("---\n# hanya komentar\n---\nIsi\n", "f.md")
    assert document is None
    assert problems[0].format() == "f.md:1: front matter kosong; isi data 'kunci: nilai' di antara dua baris '---'"


def test_plain_values_keep_their_yaml_types():
    text = "---\na: 1\nb: 0x1F\nc: 1.5\nd: yes\ne: ~\nf: '07'\ng: 2024-10-21\n---\n"
    document, problems = parse_document(text, "f.md")
    assert problems == []
    assert document.data == {"a": 1, "b": 31, "c": 1.5, "d": True, "e": None, "f": "07", "g": "2024-10-21"}
