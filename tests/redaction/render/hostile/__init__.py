"""Adversarial fixtures: a third party's name hidden in one tricky place of a DOCX or PDF, and a deep scanner
(independent of redaction.verify and redaction.render) that checks the name is gone from every output."""
