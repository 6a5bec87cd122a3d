"""The integration contract: versions, the sections the law requires, acceptance, PDF.

BEK 1307/2020 §§ 4–7, 16–20; BEK 2024 §§ 3–6, 9, 11–15 (DOMAIN.md § 2.1).
"""
