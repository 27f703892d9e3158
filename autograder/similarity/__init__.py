"""Similar solutions across a class, per graded function, with the starter code left out.

solutions.py reads each submission's solution cells, tokens.py turns a cell into
normalized tokens, own_code.py keeps what the student wrote beyond the released stub,
forms.py finds the forms many students wrote, pairs.py scores the pairs that share
rare code, and compare.py runs them for a class. docs/similarity.md says why.
"""
