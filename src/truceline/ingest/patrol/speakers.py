"""Who said it: hearsay and quoted speakers ("according to a resident", "Hug said").

``hearsay_source`` names the source of an observation others told the mission (its records get ``reported_by``).
"""

from __future__ import annotations

import re

#: What others told the mission: "The JCCC reported that …", "Residents told the SMM that …" (not the mission's own observation).
HEARSAY = re.compile(
    r"^[\W\x1f]*(?P<who>(?!the\s+SMM\b)(?:[\w'-]+\s+){1,7}?)(?:had\s+)?(?:reported|told\s+the\s+(?:SMM|mission|patrol|monitors)"
    r"|informed\s+the\s+(?:SMM|mission|patrol)|said|claimed|alleged|stated)(?:\s+to\s+the\s+(?:SMM|mission))?\s+that\b"
    r"|^[\W\x1f]*according\s+to\s+(?P<who2>(?:[\w'-]+\s+){0,5}?[\w'-]+)\s*,", re.IGNORECASE)


def hearsay_source(who: str) -> str | None:
    """"The JCCC" -> "JCCC"; "Residents", "a woman living in Zolote" -> "residents"; else the words as written; None when
    it is the mission itself ("UN military observers reported that …")."""
    if re.search(r"\b(?:SMM|mission|patrols?|monitors?|observers?|team|personnel|UNDOF|UNMOGIP|UNIFIL|UNTSO|EUMM|it|they)\b",
                 who, re.IGNORECASE) and not re.search(r"\bJCCC\b", who):
        return None
    if re.search(r"\bJCCC\b|Joint\s+Centre", who, re.IGNORECASE):
        return "JCCC"
    if re.search(r"\b(?:residents?|villagers?|locals?|inhabitants?|civilians?|wom[ae]n|m[ae]n|people|interlocutors?)\b", who,
                 re.IGNORECASE):
        return "residents"
    return re.sub(r"^(?:the|an?)\s+", "", re.sub(r"\s+", " ", who.strip()), flags=re.IGNORECASE)


#: A speaker named after the words quoted, at the end of the sentence: ", reported Col. Lysenko", "” reported the spokesman".
SPEAKER_AFTER = re.compile(
    r"[,\u201d\"'\u2019]\s*(?P<attribution>(?:reported|said|stated|added|noted)\s+(?:(?:news\s+)?agency\s+)?(?:(?:Col|Colonel|Lt|Maj|Major|Gen|General|Mr|Ms|"
    r"Mrs|Dr|Capt|Captain)\.?\s+)?(?:the\s+)?(?-i:[A-Z][\w'-]+)(?:\s+(?:(?-i:[A-Z][\w'-]+)|of|the|at|a|an|press|briefing|"
    r"spokes(?:man|woman|person)|representative|commander|head|chief|deputy)){0,16}"
    # the name first: "”, Dmitry Astrakhan reported." (a person's name: capitalised words, not "the SMM reported")
    r"|(?-i:[A-Z][a-z'-]+)(?:\s+(?-i:[A-Z][a-z'-]+)){1,2}\s+(?:reported|said|stated|added|noted))\s*\.?\s*$", re.IGNORECASE)
#: A speaker named after a comma by title, at the end of the sentence: "…, the LPR Defense Establishment Official
#: Representative, Lieutenant-colonel Andrei Marochko reported on Monday." (patrol21's V10: "reported" was the verb of
#: observing and nothing before it was read); not a mission ("…, the SMM reported": its own verb).
TITLED_SPEAKER_AFTER = re.compile(
    # (no digit in it: "From 23:10 to 00:40, the militants shelled … with 120mm mortars, firing 22 rounds, the JCCC reported"
    # took all from ", the militants" for the speaker, patrol28's AH26: nothing was read)
    r",\s*(?P<attribution>the\s+(?!(?:SMM|OSCE|mission|monitors|patrol|camera|observers)\b)[^.;\"\u201c\u201d\d]{3,140}?\s+"
    r"(?:reported|said|stated|announced|told\s+[\w-]+)(?:\s+on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))?)"
    # also before a last clause of what the fire did not do: "A rocket … fell in an open area, the IDF spokesperson's
    # office reported, but caused no damage or injuries." (patrol25's AD02: "reported" was the verb of observing)
    r"(?:\s*\.?\s*$|(?=\s*,\s*but\s+(?:caused|did|had|resulted|there)\b))", re.IGNORECASE)
#: A speaker named after a closing quote mark, by what it is: "…,” the ATO press center reported, citing Kremenetsky.",
#: "…," the headquarters said. (patrol21's U07: "reported" was the verb of observing, and the quoted fire was not read).
QUOTED_SPEAKER_AFTER = re.compile(
    # (also with no article, a name: "…,” state-run National News Agency reported", patrol24's AB01: nothing was read)
    r"(?:[\u201d\"]\s*,?|,\s*[\u201d\"])\s*(?P<attribution>(?:the\s+|(?!(?:SMM|OSCE|mission|patrol)\b)(?=(?:[\w'-]+\s+){0,2}(?-i:[A-Z])))"
    r"(?:[\w'-]+\s+){0,6}?(?:reported|said|stated|added|noted|informed)"
    r"(?:\s*,\s*(?:citing|quoting)\s+[\w'.\s-]{1,60}?)?)\s*\.?\s*$", re.IGNORECASE)
