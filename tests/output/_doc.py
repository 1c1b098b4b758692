"""One small document with a finding of each kind of fix, checked in memory."""

from refcheck.api import check_text
from refcheck.findings import Report

TEXT = (
    "Cities grew by rivers (Okafor 2019), as Lemon (2019) says (Park, 2015; Kim, 2016; Soto, 2017).\n"
    "\n"
    "## References\n"
    "\n"
    "Kim, J. (2016). Cities by the river. Urban Press.\n"
    "Lemon, E. (2018). Flood plains. River Journal, 4(2), 1-9.\n"
    "Okafor, C. (2019). Water rights. Law Quarterly, 12, 40-55. https://example.org/w?utm_source=x\n"
    "Park, S. (2015). Canal works. Engineering Today.\n"
    "Soto, M. (2017). Soto\u201ds survey. Field Notes.\n"
)


def report(path="doc.md", text=TEXT):
    return Report([check_text(text, path)])
