"""The AllSides framing file as the label validators read it (stdlib only): stories in
file order of first appearance, articles keyed by (story, line), and a part's text."""
import json


def load(path):
    """Returns (arts, order): arts[(story, line)] = article, order = story ids in file order."""
    arts = {}
    order = []
    for n, line in enumerate(open(path, encoding='utf-8')):
        a = json.loads(line)
        if a['story'] not in order:
            order.append(a['story'])
        arts[(a['story'], n)] = a
    return arts, order


def text(a, part):
    """The title (`part` "title") or a paragraph (a 0-based index) of article `a`, or None."""
    if part == 'title':
        return a['title']
    if isinstance(part, int) and not isinstance(part, bool) and 0 <= part < len(a['paragraphs']):
        return a['paragraphs'][part]
    return None
