"""Reference verification accuracy: verdicts against the truth, per verdict.

Builds reference strings from real bibliographic facts (correct ones, in APA,
Harvard and Chicago form, with and without DOIs; a wrong
year; a wrong first author; the DOI of another paper; a DOI nobody
registered; a real title with invented authors; invented works; web pages),
serves the real works' records from a stand-in for Crossref, OpenAlex,
DataCite, arXiv and doi.org on 127.0.0.1 (tests/net/verify_fake.py: the
documented response shapes, and a search that returns the five records
sharing most words with the query, among them real look-alike works: same words,
same authors, a later "retrospective" of the same title), verifies every reference, and prints precision, recall
and false-positive rate per verdict, then the same run with one source down.

    python benchmarks/verify.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))

from refcheck.api import extract  # noqa: E402
from refcheck.extract.identifiers import key  # noqa: E402
from refcheck.net.verify.run import VerifyRun, verify_references  # noqa: E402
from refcheck.readers import read_bytes  # noqa: E402
from tests.net.verify_fake import Record, Registry, serve, settings  # noqa: E402

J = "journal-article"
# (title, [(family, given)], year, container, volume(issue), pages, DOI or None, kind)
WORKS = [
    ("Deep learning", [("LeCun", "Yann"), ("Bengio", "Yoshua"), ("Hinton", "Geoffrey")], 2015, "Nature", "521(7553)", "436-444", "10.1038/nature14539", J),
    ("Long short-term memory", [("Hochreiter", "Sepp"), ("Schmidhuber", "Jürgen")], 1997, "Neural Computation", "9(8)", "1735-1780", "10.1162/neco.1997.9.8.1735", J),
    ("Molecular structure of nucleic acids: A structure for deoxyribose nucleic acid", [("Watson", "J. D."), ("Crick", "F. H. C.")], 1953, "Nature", "171(4356)", "737-738", "10.1038/171737a0", J),
    ("A mathematical theory of communication", [("Shannon", "C. E.")], 1948, "Bell System Technical Journal", "27(3)", "379-423", "10.1002/j.1538-7305.1948.tb01338.x", J),
    ("The tragedy of the commons", [("Hardin", "Garrett")], 1968, "Science", "162(3859)", "1243-1248", "10.1126/science.162.3859.1243", J),
    ("Prospect theory: An analysis of decision under risk", [("Kahneman", "Daniel"), ("Tversky", "Amos")], 1979, "Econometrica", "47(2)", "263-291", "10.2307/1914185", J),
    ("The strength of weak ties", [("Granovetter", "Mark S.")], 1973, "American Journal of Sociology", "78(6)", "1360-1380", "10.1086/225469", J),
    ("The market for \"lemons\": Quality uncertainty and the market mechanism", [("Akerlof", "George A.")], 1970, "The Quarterly Journal of Economics", "84(3)", "488-500", "10.2307/1879431", J),
    ("Judgment under uncertainty: Heuristics and biases", [("Tversky", "Amos"), ("Kahneman", "Daniel")], 1974, "Science", "185(4157)", "1124-1131", "10.1126/science.185.4157.1124", J),
    ("Why most published research findings are false", [("Ioannidis", "John P. A.")], 2005, "PLoS Medicine", "2(8)", "e124", "10.1371/journal.pmed.0020124", J),
    ("ImageNet classification with deep convolutional neural networks", [("Krizhevsky", "Alex"), ("Sutskever", "Ilya"), ("Hinton", "Geoffrey E.")], 2017, "Communications of the ACM", "60(6)", "84-90", "10.1145/3065386", J),
    ("Mastering the game of Go with deep neural networks and tree search", [("Silver", "David"), ("Huang", "Aja")], 2016, "Nature", "529(7587)", "484-489", "10.1038/nature16961", J),
    ("Highly accurate protein structure prediction with AlphaFold", [("Jumper", "John"), ("Evans", "Richard")], 2021, "Nature", "596(7873)", "583-589", "10.1038/s41586-021-03819-2", J),
    ("Bootstrap methods: Another look at the jackknife", [("Efron", "B.")], 1979, "The Annals of Statistics", "7(1)", "1-26", "10.1214/aos/1176344552", J),
    ("A coefficient of agreement for nominal scales", [("Cohen", "Jacob")], 1960, "Educational and Psychological Measurement", "20(1)", "37-46", "10.1177/001316446002000104", J),
    ("Controlling the false discovery rate: A practical and powerful approach to multiple testing", [("Benjamini", "Yoav"), ("Hochberg", "Yosef")], 1995, "Journal of the Royal Statistical Society: Series B (Methodological)", "57(1)", "289-300", "10.1111/j.2517-6161.1995.tb02031.x", J),
    ("Nonparametric estimation from incomplete observations", [("Kaplan", "E. L."), ("Meier", "Paul")], 1958, "Journal of the American Statistical Association", "53(282)", "457-481", "10.1080/01621459.1958.10501452", J),
    ("Regression models and life-tables", [("Cox", "D. R.")], 1972, "Journal of the Royal Statistical Society: Series B (Methodological)", "34(2)", "187-202", "10.1111/j.2517-6161.1972.tb00899.x", J),
    ("Maximum likelihood from incomplete data via the EM algorithm", [("Dempster", "A. P."), ("Laird", "N. M."), ("Rubin", "D. B.")], 1977, "Journal of the Royal Statistical Society: Series B (Methodological)", "39(1)", "1-22", "10.1111/j.2517-6161.1977.tb01600.x", J),
    ("Regression shrinkage and selection via the lasso", [("Tibshirani", "Robert")], 1996, "Journal of the Royal Statistical Society: Series B (Methodological)", "58(1)", "267-288", "10.1111/j.2517-6161.1996.tb02080.x", J),
    ("Random forests", [("Breiman", "Leo")], 2001, "Machine Learning", "45(1)", "5-32", "10.1023/A:1010933404324", J),
    ("Support-vector networks", [("Cortes", "Corinna"), ("Vapnik", "Vladimir")], 1995, "Machine Learning", "20(3)", "273-297", "10.1007/BF00994018", J),
    ("Learning representations by back-propagating errors", [("Rumelhart", "David E."), ("Hinton", "Geoffrey E."), ("Williams", "Ronald J.")], 1986, "Nature", "323(6088)", "533-536", "10.1038/323533a0", J),
    ("Behavioral study of obedience", [("Milgram", "Stanley")], 1963, "The Journal of Abnormal and Social Psychology", "67(4)", "371-378", "10.1037/h0040525", J),
    ("Self-efficacy: Toward a unifying theory of behavioral change", [("Bandura", "Albert")], 1977, "Psychological Review", "84(2)", "191-215", "10.1037/0033-295X.84.2.191", J),
    ("The moderator-mediator variable distinction in social psychological research: Conceptual, strategic, and statistical considerations", [("Baron", "Reuben M."), ("Kenny", "David A.")], 1986, "Journal of Personality and Social Psychology", "51(6)", "1173-1182", "10.1037/0022-3514.51.6.1173", J),
    ("Bowling alone: America's declining social capital", [("Putnam", "Robert D.")], 1995, "Journal of Democracy", "6(1)", "65-78", "10.1353/jod.1995.0002", J),
    ("Array programming with NumPy", [("Harris", "Charles R."), ("Millman", "K. Jarrod")], 2020, "Nature", "585(7825)", "357-362", "10.1038/s41586-020-2649-2", J),
    ("SciPy 1.0: Fundamental algorithms for scientific computing in Python", [("Virtanen", "Pauli"), ("Gommers", "Ralf")], 2020, "Nature Methods", "17(3)", "261-272", "10.1038/s41592-019-0686-2", J),
    ("Matplotlib: A 2D graphics environment", [("Hunter", "John D.")], 2007, "Computing in Science & Engineering", "9(3)", "90-95", "10.1109/MCSE.2007.55", J),
    ("Tidy data", [("Wickham", "Hadley")], 2014, "Journal of Statistical Software", "59(10)", "1-23", "10.18637/jss.v059.i10", J),
    ("Fitting linear mixed-effects models using lme4", [("Bates", "Douglas"), ("Mächler", "Martin"), ("Bolker", "Ben"), ("Walker", "Steve")], 2015, "Journal of Statistical Software", "67(1)", "1-48", "10.18637/jss.v067.i01", J),
    ("The FAIR Guiding Principles for scientific data management and stewardship", [("Wilkinson", "Mark D."), ("Dumontier", "Michel")], 2016, "Scientific Data", "3", "160018", "10.1038/sdata.2016.18", J),
    ("A rapid and sensitive method for the quantitation of microgram quantities of protein utilizing the principle of protein-dye binding", [("Bradford", "Marion M.")], 1976, "Analytical Biochemistry", "72(1-2)", "248-254", "10.1016/0003-2697(76)90527-3", J),
    ("Cleavage of structural proteins during the assembly of the head of bacteriophage T4", [("Laemmli", "U. K.")], 1970, "Nature", "227(5259)", "680-685", "10.1038/227680a0", J),
    ("Scikit-learn: Machine learning in Python", [("Pedregosa", "Fabian"), ("Varoquaux", "Gaël")], 2011, "Journal of Machine Learning Research", "12", "2825-2830", None, J),
    ("Visualizing data using t-SNE", [("van der Maaten", "Laurens"), ("Hinton", "Geoffrey")], 2008, "Journal of Machine Learning Research", "9", "2579-2605", None, J),
    ("The structure of scientific revolutions", [("Kuhn", "Thomas S.")], 1962, "University of Chicago Press", None, None, None, "book"),
    ("A theory of justice", [("Rawls", "John")], 1971, "Harvard University Press", None, None, None, "book"),
    ("Bowling alone: The collapse and revival of American community", [("Putnam", "Robert D.")], 2000, "Simon & Schuster", None, None, None, "book"),
]
# Real works the registries also hold, with titles, authors or words close to the cited ones: what a
# search engine returns beside (or instead of) the cited work.
LOOKALIKES = [
    ("A survey on deep learning in medical image analysis", [("Litjens", "Geert")], 2017, "Medical Image Analysis", "10.1016/j.media.2017.07.005", J),
    ("Deep learning in neural networks: An overview", [("Schmidhuber", "Jürgen")], 2015, "Neural Networks", "10.1016/j.neunet.2014.09.003", J),
    ("Deep learning", [("Goodfellow", "Ian"), ("Bengio", "Yoshua"), ("Courville", "Aaron")], 2016, "MIT Press", None, "book"),
    ("The strength of weak ties: A network theory revisited", [("Granovetter", "Mark")], 1983, "Sociological Theory", "10.2307/202051", J),
    ("Advances in prospect theory: Cumulative representation of uncertainty", [("Tversky", "Amos"), ("Kahneman", "Daniel")], 1992, "Journal of Risk and Uncertainty", "10.1007/BF00122574", J),
    ("Maps of bounded rationality: Psychology for behavioral economics", [("Kahneman", "Daniel")], 2003, "American Economic Review", "10.1257/000282803322655392", J),
    ("Governing the commons: The evolution of institutions for collective action", [("Ostrom", "Elinor")], 1990, "Cambridge University Press", None, "book"),
    ("An introduction to the bootstrap", [("Efron", "Bradley"), ("Tibshirani", "R. J.")], 1993, "Chapman and Hall", None, "book"),
    ("Regression shrinkage and selection via the lasso: A retrospective", [("Tibshirani", "Robert")], 2011, "Journal of the Royal Statistical Society: Series B (Statistical Methodology)", "10.1111/j.1467-9868.2011.00771.x", J),
    ("Bagging predictors", [("Breiman", "Leo")], 1996, "Machine Learning", "10.1007/BF00058655", J),
    ("Learning to forget: Continual prediction with LSTM", [("Gers", "Felix A."), ("Schmidhuber", "Jürgen"), ("Cummins", "Fred")], 2000, "Neural Computation", "10.1162/089976600300015015", J),
    ("Mastering the game of Go without human knowledge", [("Silver", "David"), ("Schrittwieser", "Julian")], 2017, "Nature", "10.1038/nature24270", J),
    ("AlphaFold Protein Structure Database: Massively expanding the structural coverage of protein-sequence space with high-accuracy models", [("Varadi", "Mihaly")], 2022, "Nucleic Acids Research", "10.1093/nar/gkab1061", J),
    ("Why most discovered true associations are inflated", [("Ioannidis", "John P. A.")], 2008, "Epidemiology", "10.1097/EDE.0b013e31818131e7", J),
    ("Weighted kappa: Nominal scale agreement provision for scaled disagreement or partial credit", [("Cohen", "Jacob")], 1968, "Psychological Bulletin", "10.1037/h0026256", J),
    ("The control of the false discovery rate in multiple testing under dependency", [("Benjamini", "Yoav"), ("Yekutieli", "Daniel")], 2001, "The Annals of Statistics", "10.1214/aos/1013699998", J),
    ("Obedience to authority: An experimental view", [("Milgram", "Stanley")], 1974, "Harper & Row", None, "book"),
    ("Social foundations of thought and action: A social cognitive theory", [("Bandura", "Albert")], 1986, "Prentice-Hall", None, "book"),
    ("ggplot2: Elegant graphics for data analysis", [("Wickham", "Hadley")], 2016, "Springer", "10.1007/978-3-319-24277-4", "book"),
    ("Identity mappings in deep residual networks", [("He", "Kaiming"), ("Zhang", "Xiangyu")], 2016, "Computer Vision - ECCV 2016", "10.1007/978-3-319-46493-0_38", "book-chapter"),
]
RETRACTED = ("Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children",
             [("Wakefield", "A. J."), ("Murch", "S. H.")], 1998, "The Lancet", "351(9103)", "637-641", "10.1016/S0140-6736(97)11096-0", J)
PREPRINTS = [  # (title, authors, year, arXiv id, published DOI)
    ("Attention is all you need", [("Vaswani", "Ashish"), ("Shazeer", "Noam")], 2017, "1706.03762", None),
    ("BERT: Pre-training of deep bidirectional transformers for language understanding", [("Devlin", "Jacob"), ("Chang", "Ming-Wei")], 2018, "1810.04805", "10.18653/v1/N19-1423"),
    ("Efficient estimation of word representations in vector space", [("Mikolov", "Tomas"), ("Chen", "Kai")], 2013, "1301.3781", None),
    ("Adam: A method for stochastic optimization", [("Kingma", "Diederik P."), ("Ba", "Jimmy")], 2014, "1412.6980", None),
]
INVENTED = [  # plausible, but nobody wrote them
    ("Quantum coherence in migratory songbird navigation under urban light pollution", "Okafor", 2019, "Nature", "570(7760)", "112-118"),
    ("Deep reinforcement learning for municipal water pricing in arid cities", "Lindqvist", 2021, "Machine Learning", "110(4)", "801-829"),
    ("A unified theory of attention decay in social media feeds", "Haddad", 2018, "Psychological Review", "125(3)", "410-433"),
    ("Bayesian nonparametric estimation of glacier retreat from citizen photographs", "Moreau", 2020, "The Annals of Statistics", "48(2)", "655-680"),
    ("The hidden costs of remote work for early-career economists", "Nakamura", 2022, "Econometrica", "90(5)", "2101-2140"),
    ("Protein folding kinetics of synthetic spider silk in microgravity", "Abernathy", 2017, "Science", "358(6361)", "77-81"),
    ("Long-term memory consolidation in octopuses after sleep deprivation", "Ferreira", 2016, "Neural Computation", "28(9)", "1801-1830"),
    ("Randomized trial of mindfulness apps for reducing exam anxiety in secondary schools", "Oyelaran", 2020, "PLoS Medicine", "17(6)", "e1003190"),
    ("Weak ties and strong opinions: Network structure of online vaccine debates", "Castellanos", 2019, "American Journal of Sociology", "124(5)", "1400-1452"),
    ("A scalable lasso for streaming genomic data with missing labels", "Petrovic", 2015, "Journal of the American Statistical Association", "110(512)", "1620-1633"),
    ("Tragedy of the digital commons: Overuse of open-source maintainers", "Whitfield", 2023, "Science", "379(6630)", "455-459"),
    ("Gradient-free training of spiking networks on neuromorphic chips for edge robotics", "Szabo", 2022, "Nature Methods", "19(8)", "990-998"),
]
INVENTED_AUTHORS = [("Okonkwo", "P."), ("Lindgren", "B."), ("Ferraro", "G."), ("Nakashima", "R."), ("Delacroix", "M."),
                    ("Abdullayev", "T."), ("Kowalczyk", "A."), ("Mwangi", "E.")]
WEB = [
    ("Ministry announces new rail link to the coast", "Daily Courier", 2023, "https://news.example.org/rail-link"),
    ("Five things to know about the budget", "Morning Post", 2022, "https://www.example.com/budget-five"),
    ("How the drought changed farming in the valley", "Rural Voice", 2021, "https://ruralvoice.example.net/drought"),
    ("Interview: the engineer behind the bridge", "City Magazine", 2020, "https://citymag.example.org/bridge"),
    ("Why the harbour project stalled", "Harbour Times", 2024, "https://harbourtimes.example.com/stalled"),
]


def apa(authors, year, title, container=None, volume=None, pages=None, doi=None, extra=""):
    names = [f"{f}, {' '.join(p[0] + '.' for p in g.replace('-', ' ').split())}" for f, g in authors]
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", & " + names[-1]
    where = f" {container}" if container else ""
    where += f", {volume}" if volume else ""
    where += f", {pages}" if pages else ""
    tail = f" https://doi.org/{doi}" if doi else ""
    return f"{who} ({year}). {title}.{where}.{extra}{tail}".replace("..", ".")


def harvard(authors, year, title, container=None, volume=None, pages=None, doi=None):
    names = [f"{f}, {''.join(p[0] + '.' for p in g.replace('-', ' ').split())}" for f, g in authors]
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    where = f" {container}" + (f", {volume}" if volume else "") + (f", pp. {pages}" if pages else "")
    return f"{who} ({year}) '{title}',{where}." + (f" doi:{doi}." if doi else "")


def chicago(authors, year, title, container=None, volume=None, pages=None, doi=None):
    first = f"{authors[0][0]}, {authors[0][1]}".rstrip(".")
    rest = [f"{g} {f}" for f, g in authors[1:]]
    who = first if not rest else first + ", " + (", ".join(rest[:-1]) + ", and " if len(rest) > 1 else "and ") + rest[-1]
    issue = volume.replace("(", " (") if volume else ""
    return f"{who.rstrip('.')}. {year}. \"{title}.\" *{container}* {issue}: {pages}." + (f" https://doi.org/{doi}." if doi else "")


def cases() -> list[tuple[str, str, str]]:
    """(category, expected verdict, reference string)."""
    out = []
    for i, (title, authors, year, container, volume, pages, doi, kind) in enumerate(WORKS):
        out.append(("correct", "verified", apa(authors, year, title, container, volume, pages, doi)))
        if doi and i % 2 == 0:  # the same work cited without its DOI: found by search
            out.append(("correct, no DOI", "verified", apa(authors, year, title, container, volume, pages)))
    for i, (title, authors, year, container, volume, pages, doi, kind) in enumerate(WORKS[:34]):
        if i % 3 == 1:
            out.append(("correct, Harvard", "verified", harvard(authors, year, title, container, volume, pages, doi)))
        elif i % 3 == 2 and volume:
            out.append(("correct, Chicago", "verified", chicago(authors, year, title, container, volume, pages, doi if i % 2 else None)))
    variants = [  # how people really write correct entries: abbreviated journals, typos, dropped subtitles, diacritics lost
        (15, dict(container="J. R. Stat. Soc. B")), (16, dict(container="J. Am. Stat. Assoc.")), (25, dict(container="J. Pers. Soc. Psychol.")),
        (1, dict(title="Long short term memory")), (5, dict(title="Prospect theory")), (27, dict(title="Array programing with NumPy")),
        (31, dict(authors=[("Bates", "D."), ("Machler", "M.")])), (24, dict(title="Self-efficacy: toward a unifying theory of behavioural change")),
        (33, dict(container="Anal. Biochem.")), (9, dict(container="PLOS Med")),
    ]
    for i, (index, change) in enumerate(variants):
        title, authors, year, container, volume, pages, doi, kind = WORKS[index]
        fields = dict(authors=authors, year=year, title=title, container=container, volume=volume, pages=pages,
                      doi=doi if i % 2 else None)
        fields.update(change)
        out.append(("correct, as people write it", "verified", apa(**fields)))
    out.append(("correct, retracted", "verified", apa(*[RETRACTED[i] for i in (1, 2, 0, 3, 4, 5, 6)])))
    for title, authors, year, arxiv, _ in PREPRINTS:
        out.append(("correct, preprint", "verified", apa(authors, year, title, "arXiv preprint", extra=f" arXiv:{arxiv}")))
    journals = [w for w in WORKS if w[6]]
    for i, (title, authors, year, container, volume, pages, doi, _) in enumerate(journals[:12]):
        wrong = year + (4 + i % 5) * (1 if i % 2 else -1)
        out.append(("wrong year", "mismatch", apa(authors, wrong, title, container, volume, pages, doi if i % 3 else None)))
    for i, (title, authors, year, container, volume, pages, doi, _) in enumerate(journals[12:24]):
        swapped = authors[1:] + authors[:1] if len(authors) > 1 else [INVENTED_AUTHORS[i % 8]]
        out.append(("wrong first author", "mismatch", apa(swapped, year, title, container, volume, pages, doi if i % 2 else None)))
    for i, (title, authors, year, container, volume, pages, _, _) in enumerate(journals[24:32]):
        other = journals[i][6]
        out.append(("wrong DOI (another paper's)", "conflict", apa(authors, year, title, container, volume, pages, other)))
    for i, (title, authors, year, container, volume, pages, doi, _) in enumerate(journals[:6]):
        prefix, _, suffix = doi.partition("/")
        out.append(("wrong DOI (unregistered)", "unregistered", apa(authors, year, title, container, volume, pages,
                                                                    f"{prefix}/{suffix}x{i}9")))
    for i, (title, authors, year, container, volume, pages, doi, _) in enumerate(journals[5:13]):
        invented = [INVENTED_AUTHORS[(i + k) % 8] for k in range(2)]
        out.append(("real title, invented authors", "mismatch", apa(invented, year, title, container, volume, pages)))
    for title, family, year, container, volume, pages in INVENTED:
        out.append(("invented work", "not-found", apa([(family, "J.")], year, title, container, volume, pages)))
    out.append(("invented book (few are indexed)", "undetermined", "Marlow, T. (2011). The quiet harbours of the northern isles. Tidewater Press."))
    out.append(("invented book (few are indexed)", "undetermined", "Quist, H. (2004). A grammar of the lost river dialects. Meridian University Press."))
    for title, outlet, year, url in WEB:
        out.append(("web source", "undetermined", f"{outlet} ({year}). {title}. Retrieved from {url}. Accessed on 02.03.2025."))
    out.append(("web source", "undetermined", "Okafor, L. (2021). University funding cuts deepen across the region. "
                                              "Higher Education Weekly. https://hew.example.org/funding-cuts"))
    out.append(("web source", "undetermined", "Brandt, K. (2019, March 4). A journal of the plague year, retold. "
                                              "The Review Desk."))
    return out


def records() -> list[Record]:
    out = [Record(t, a, y, c, d.lower() if d else None, kind=k) for t, a, y, c, _, _, d, k in WORKS]
    out += [Record(t, a, y, c, d.lower() if d else None, kind=k) for t, a, y, c, d, k in LOOKALIKES]
    t, a, y, c, _, _, d, k = RETRACTED
    out.append(Record(t, a, y, c, d.lower(), kind=k, updates=[("retraction", "10.1016/s0140-6736(10)60175-4")]))
    out += [Record(t, a, y, None, None, kind="preprint", arxiv=i, published_doi=p.lower() if p else None) for t, a, y, i, p in PREPRINTS]
    return out


def evaluate(faults: dict[str, str] | None = None) -> tuple[list, dict, float, int]:
    data = cases()
    text = "References\n\n" + "\n\n".join(ref for _, _, ref in data) + "\n"
    refs = extract(read_bytes("bench.md", text.encode("utf-8"), "md")).references
    assert len(refs) == len(data), f"parsed {len(refs)} entries from {len(data)}"
    registry = Registry(records(), faults, min_overlap=1)  # like a real ranking: five hits whenever one word matches

    async def no_wait(seconds):
        return None

    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, serve(registry) as base:
        verdicts = verify_references(refs, VerifyRun(settings(base, backoff=0.0), cache_dir=folder), sleep=no_wait)
    elapsed = time.perf_counter() - start
    rows = [(category, truth, verdicts[key(ref)]) for (category, truth, _), ref in zip(data, refs)]
    return rows, verdicts, elapsed, len(registry.seen)


CODES = {"not-found": "RC501", "conflict": "RC502", "unregistered": "RC503", "mismatch": "RC504"}


def table(rows) -> list[str]:
    lines = [f"{'verdict':<14}{'rule':<7}{'truth':>6}{'called':>8}{'TP':>5}{'precision':>11}{'recall':>8}{'FPR':>8}"]
    for verdict in ("verified", "mismatch", "conflict", "unregistered", "not-found", "undetermined"):
        truth = sum(1 for _, t, _ in rows if t == verdict)
        called = sum(1 for _, _, v in rows if v.status == verdict)
        hits = sum(1 for _, t, v in rows if t == verdict and v.status == verdict)
        negatives = len(rows) - truth
        fpr = (called - hits) / negatives if negatives else 0.0
        precision = f"{hits / called:.3f}" if called else "-"
        recall = f"{hits / truth:.3f}" if truth else "-"
        lines.append(f"{verdict:<14}{CODES.get(verdict, '-'):<7}{truth:>6}{called:>8}{hits:>5}{precision:>11}{recall:>8}{fpr:>8.3f}")
    flagged = [(c, v) for c, t, v in rows if t == "verified" and v.status in CODES]
    alarms = [v for _, t, v in rows if v.status in CODES]
    right = sum(1 for _, t, v in rows if v.status in CODES and v.status == t)
    lines.append(f"RC501-RC504 precision: {right}/{len(alarms)} = {right / len(alarms):.3f}; correct references flagged: {len(flagged)}")
    return lines


def main() -> None:
    rows, verdicts, elapsed, requests = evaluate()
    print(f"{len(rows)} reference strings, {requests} requests, {elapsed:.2f} s")
    per = Counter(c for c, _, _ in rows)
    print("categories: " + ", ".join(f"{c} {n}" for c, n in per.items()))
    print("\n".join(table(rows)))
    wrong = [(c, t, v) for c, t, v in rows if v.status != t]
    for category, truth, verdict in wrong:
        print(f"  miss: {category}: expected {truth}, got {verdict.status} ({verdict.reason})")
    extras = Counter()
    for _, _, v in rows:
        if v.suggest_doi:
            extras["RC508 doi-available"] += 1
        if v.same_work and v.work.retracted:
            extras["RC505 retracted"] += 1
        if v.same_work and v.work.published_doi:
            extras["RC507 preprint-published"] += 1
    print("also: " + ", ".join(f"{k}: {n}" for k, n in sorted(extras.items())))
    down, _, _, _ = evaluate({"openalex": "down"})
    print("\nwith OpenAlex down (503 on every request):")
    print("\n".join(table(down)))
    print(f"  RC501 not found with a source down: {sum(1 for _, _, v in down if v.status == 'not-found')}")


if __name__ == "__main__":
    main()
