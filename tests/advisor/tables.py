"""Small effect tables for the pages' tests and the browser sweep: two groups, one
with a clear best intervention and one where the intervals overlap."""

from __future__ import annotations

from app.ml.effects import ArmEffect, Condition, EffectTables, Leaf

ARMS = ("none", "company_internship", "wage_subsidy", "mentor", "sickness_followup")


def _effects(weeks: dict[str, tuple[float, float, float]]) -> tuple[ArmEffect, ...]:
    out = []
    for arm, (est, low, high) in weeks.items():
        out.append(ArmEffect(arm, "weeks", est, low, high, 120))
        out.append(ArmEffect(arm, "employed_6m", est / 20, low / 20, high / 20, 120))
    return tuple(out)


def small_tables() -> EffectTables:
    """Two groups: not sick-listed (internship clearly best) and sick-listed (overlap)."""
    leaves = (
        Leaf(
            0,
            (Condition("sick_listed", "le", 0.0),),
            2400,
            "company_internship",
            _effects(
                {
                    "company_internship": (3.2, 1.4, 5.1),
                    "wage_subsidy": (0.6, -0.8, 1.2),
                    "mentor": (0.2, -1.0, 1.3),
                    "sickness_followup": (-0.5, -2.0, 1.0),
                }
            ),
        ),
        Leaf(
            1,
            (Condition("sick_listed", "gt", 0.0),),
            900,
            "sickness_followup",
            _effects(
                {
                    "company_internship": (1.0, -0.5, 2.5),
                    "wage_subsidy": (-1.0, -3.0, 1.0),
                    "mentor": (1.5, 0.2, 2.8),
                    "sickness_followup": (2.0, 0.5, 3.5),
                }
            ),
        ),
    )
    return EffectTables(
        version="dr2-test0001",
        control="none",
        arms=ARMS,
        feature_names=("sick_listed",),
        split_features=("sick_listed",),
        depth=1,
        tree={
            "feature": "sick_listed",
            "threshold": 0.0,
            "left": {"leaf": 0, "arm": 1},
            "right": {"leaf": 1, "arm": 4},
        },
        leaves=leaves,
        metrics={
            "n": 6600,
            "coverage": {
                "covered": 15,
                "cells": 16,
                "covered_weeks": 8,
                "cells_weeks": 8,
            },
            "policy_values": [["policy tree", 16.1], ["always wage_subsidy", 17.6]],
            "fairness": [
                {
                    "attribute": "gender",
                    "group": "female",
                    "n": 3300,
                    "gain": 1.9,
                    "low": 1.7,
                    "high": 2.1,
                    "share_with_intervention": 0.8,
                }
            ],
        },
    )
