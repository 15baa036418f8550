"""Skill taxonomy and extraction.

- ``shortlist.skills.taxonomy.Taxonomy.default()``: the shipped taxonomy
  (``data/skills.json.gz``), with ``get``, ``canonical``, ``family``, ``related``.
- ``shortlist.skills.extract.extract_skills(text)``: ``SkillHit`` spans in English,
  Chinese and mixed text; ``text[hit.start:hit.end] == hit.surface``.
- ``python -m shortlist.skills.build --data ../shared/datasets`` rebuilds the taxonomy from
  O*NET, ESCO and the hand-written tables in ``data/`` (see ``data/SKILLS_NOTICE.md``).

Nothing is imported here, so importing one module does not load the others.
"""
