// corpusgen: seeded generator of province-scale audit data (issue 4). Placeholder.
print("corpusgen: not built yet")
