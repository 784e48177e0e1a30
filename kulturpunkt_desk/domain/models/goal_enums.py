"""The seed's words for selection and goals: criteria, the project-level goals, the examples
of local goals an activity can serve, and the scales the team and the areas answer on.

Values are stored; the Danish labels are for screens and documents.
"""

from __future__ import annotations

from enum import StrEnum

# The strategy level as the programme's slides put it (an editable programme setting).
STRATEGY_GOAL_TEXT = (
    "Gennem projektet styrkes oplevelsen af livskvalitet og attraktivitet "
    "i 11 nordjyske lokalområder."
)
STRATEGY_SOURCE = "regional udviklingsstrategi og kulturplan"
# "11 lokalområder i Nordjylland udpeges som Kulturpunkt."
AREAS_TO_DESIGNATE = 11


class SelectionCriterion(StrEnum):
    """What makes a Kulturpunkt, in the seed's three bullets."""

    ENERGY = "energy"
    WILL = "will"
    VOLUNTEERS = "volunteers"


SELECTION_CRITERION_LABELS: dict[SelectionCriterion, str] = {
    SelectionCriterion.ENERGY: "Energien er der",
    SelectionCriterion.WILL: "Vilje til samarbejde, fællesskab og udvikling gennem kultur",
    SelectionCriterion.VOLUNTEERS: "Ildsjæle og andre kræfter, der vil deltage",
}

# The team's short scale for each criterion; None means not assessed yet.
ASSESSMENT_LABELS: dict[int, str] = {1: "Svag", 2: "Til stede", 3: "Stærk"}


class ProjectGoal(StrEnum):
    """Project level: "Gennem kunst og kultur styrkes ..."."""

    COMMUNITIES = "communities"
    DRIVE = "drive"
    COLLABORATION = "collaboration"
    AMBITIONS = "ambitions"


PROJECT_GOAL_LABELS: dict[ProjectGoal, str] = {
    ProjectGoal.COMMUNITIES: "Fællesskaber",
    ProjectGoal.DRIVE: "Virkelyst og handlekraft",
    ProjectGoal.COLLABORATION: "Tværgående samarbejder",
    ProjectGoal.AMBITIONS: "Lokale ambitioner",
}

# How far the area says a project-level goal was reached; None means not answered.
GOAL_RATING_LABELS: dict[int, str] = {
    1: "Slet ikke",
    2: "I mindre grad",
    3: "I nogen grad",
    4: "I høj grad",
    5: "I meget høj grad",
}


class LocalGoalExample(StrEnum):
    """The seed's examples of local goals an activity can serve."""

    ACROSS_ASSOCIATIONS = "across_associations"
    COORDINATING_FORUM = "coordinating_forum"
    OTHER_SECTORS = "other_sectors"
    NEW_TARGET_GROUPS = "new_target_groups"


LOCAL_GOAL_EXAMPLE_LABELS: dict[LocalGoalExample, str] = {
    LocalGoalExample.ACROSS_ASSOCIATIONS: "Samarbejde på tværs af kulturforeninger og -aktører",
    LocalGoalExample.COORDINATING_FORUM: "Et forum, der koordinerer indsatsen på tværs",
    LocalGoalExample.OTHER_SECTORS: "Andre sektorer involveret i kulturelle aktiviteter",
    LocalGoalExample.NEW_TARGET_GROUPS: "Nye eller særlige målgrupper",
}


class ActivityOrigin(StrEnum):
    """ "Udvikle nye eller videreudvikle eksisterende aktiviteter"."""

    EXISTING = "existing"
    NEW = "new"


ACTIVITY_ORIGIN_LABELS: dict[ActivityOrigin, str] = {
    ActivityOrigin.EXISTING: "Bygger videre på eksisterende initiativ",
    ActivityOrigin.NEW: "Ny aktivitet",
}
