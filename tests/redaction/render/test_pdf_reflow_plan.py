"""The geometry of uniform person boxes, on numbers: where boxes go and where the rest of the line moves."""

from __future__ import annotations

import pytest

from redaction.render.pdf_reflow import MIN_SQUEEZE, Box, Line, plan_line


def _box(left: float, right: float, person: bool = True) -> Box:
    return Box(left=left, right=right, bottom=0, top=10, person=person, label=None)


LINE = Line(left=0, right=200, bottom=0, top=10, limit=400)


def test_a_short_name_grows_to_the_uniform_width_and_pushes_the_rest_right():
    plan = plan_line(LINE, [_box(50, 60)], person_width=40)
    (placed,) = plan.placed()
    assert (placed.left, placed.right) == (50, 90)
    assert plan.squeeze == 1
    assert plan.new_x(70, centre=72) == 100  # 30 further right
    assert plan.new_x(10, centre=12) == 10  # before the box: untouched


def test_a_long_name_shrinks_to_the_uniform_width_and_pulls_the_rest_left():
    plan = plan_line(LINE, [_box(50, 150)], person_width=40)
    assert [(b.left, b.right) for b in plan.placed()] == [(50, 90)]
    assert plan.new_x(160, centre=162) == 100


def test_every_box_before_a_glyph_counts_and_other_boxes_keep_their_width():
    plan = plan_line(LINE, [_box(120, 170, person=False), _box(20, 30)], person_width=40)
    first, second = plan.placed()
    assert (first.left, first.right) == (20, 60)
    assert (second.left, second.right) == (150, 200)  # shifted by the person's 30, still 50 wide
    assert plan.new_x(180, centre=182) == 210


def test_a_line_that_would_pass_its_limit_is_narrowed_to_end_there():
    line = Line(left=0, right=200, bottom=0, top=10, limit=210)
    plan = plan_line(line, [_box(100, 110)], person_width=40)  # would end at 230
    assert plan.squeeze == pytest.approx((210 - 40) / 190)
    assert plan.new_x(200, centre=201) == pytest.approx(210)
    (placed,) = plan.placed()
    assert placed.right - placed.left == pytest.approx(40)
    assert plan.moves_from < line.left  # the whole line is redrawn, narrowed


def test_narrowing_stops_at_the_floor():
    line = Line(left=0, right=100, bottom=0, top=10, limit=100)
    plan = plan_line(line, [_box(90, 92)], person_width=80)
    assert plan.squeeze == MIN_SQUEEZE


def test_a_box_already_the_uniform_width_changes_nothing():
    plan = plan_line(LINE, [_box(50, 90)], person_width=40)
    assert not plan.changes_anything


def test_only_glyphs_on_the_band_after_the_first_box_move():
    plan = plan_line(LINE, [_box(50, 60)], person_width=40)
    assert plan.holds(70, 5)
    assert not plan.holds(40, 5)  # before the box
    assert not plan.holds(70, 20)  # another line
    assert not plan.holds(250, 5)  # beyond the line's end: another column


def test_a_box_in_a_cell_too_narrow_for_it_is_narrowed_to_the_cell_never_below_the_name():
    cell = Line(left=0, right=20, bottom=0, top=10, limit=30)  # a name alone in a narrow table cell
    (placed,) = plan_line(cell, [_box(0, 20)], person_width=40).placed()
    assert (placed.left, placed.right) == (0, 30)
    (kept,) = plan_line(Line(left=0, right=20, bottom=0, top=10, limit=10), [_box(0, 20)], person_width=40).placed()
    assert (kept.left, kept.right) == (0, 20)  # the name's own width: nothing of it shows, nothing else is hidden
