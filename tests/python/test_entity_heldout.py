"""Held-out regions: the entity model must carry over to provinces it was not
trained on. Runs scripts/eval_entities.py (it trains one model per fold with
the build's tools) and keeps floors on what it prints."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD = Path(os.environ.get("ZHPOLICY_BUILD_DIR", ROOT / "build"))

# Floors: the figures of the final model of the session that built it
# (README) less a margin for noise; raise them as the model improves.
HELD_OUT_SILVER_F1 = 0.85  # 0.859 in the README's run (four training orders: 0.858 to 0.860)
HELD_OUT_PROVINCES_F1 = 0.845  # issue 14's target is 0.80 (0.855 in the README's run)
# The model must still add to the rules: 0.859 over 0.844 in the README's run
# (0.839 over 0.812 before the rules learned what the model had covered for
# them, 总书记 among the titles).
GAIN_OVER_RULES = 0.01
GOLD_CORPUS_HELD_OUT_F1 = 0.92  # 0.933


def test_held_out_regions(eval_script, capsys):
    printed, report = eval_script("eval_entities.py", "--build", BUILD)
    with capsys.disabled():
        print("\n== entities on held-out regions (scripts/eval_entities.py) ==")
        print(printed)
    silver = report["held-out silver (provinces + national)"]
    assert silver["rules+model"]["f1"] >= HELD_OUT_SILVER_F1
    assert report["held-out provinces"]["rules+model"]["f1"] >= HELD_OUT_PROVINCES_F1
    assert silver["rules+model"]["f1"] >= silver["rules"]["f1"] + GAIN_OVER_RULES
    assert report["gold corpus"]["rules+model"]["f1"] >= GOLD_CORPUS_HELD_OUT_F1


def test_held_out_regions_in_traditional_characters(eval_script):
    # The same sentences rewritten in Traditional (opencc s2t): the normalized
    # view folds them back, so the figures hold.
    _, report = eval_script("eval_entities.py", "--build", BUILD, "--traditional")
    assert report["held-out silver (provinces + national)"]["rules+model"]["f1"] >= HELD_OUT_SILVER_F1 - 0.01


# News-style sentences (tests/data/news_style_entities.txt, ours, 40
# sentences): persons with and without titles, in lists, foreign names.
# Floors below the README's figures (person recall 0.88, all 0.86); issue
# 14's target for public news sets is person recall 0.80.
NEWS_PERSON_RECALL = 0.80
NEWS_ALL_F1 = 0.82
# The second set (news_style_entities_heldout.txt, 40 more, kept out of rule
# development): 0.72 before the session that wrote it, 0.80 after (README).
NEWS_HELD_OUT_ALL_F1 = 0.76
# Three later sets (README): mostly people (news_style_persons_heldout.txt,
# PER recall 0.69 before the round that read its errors, 0.86 after), and two
# written blind (all 0.79 -> 0.85 and 0.84 -> 0.85 over that round).
NEWS_PERSONS_PER_RECALL = 0.80
NEWS_BLIND_ALL_F1 = 0.78
NEWS_FINAL_ALL_F1 = 0.80
# A sixth set written blind at the start of the next round
# (news_style_entities_blind2.txt: all 0.87 then, errors not read).
NEWS_BLIND2_ALL_F1 = 0.82


def test_news_style_sentences(eval_script, capsys):
    printed, report = eval_script("eval_news_style.py")
    with capsys.disabled():
        print("\n== entities on news-style sentences (scripts/eval_news_style.py) ==")
        print(printed)
    dev = report["news_style_entities.txt"]["zhpolicy"]
    assert dev["PER"]["r"] >= NEWS_PERSON_RECALL
    assert dev["all"]["f1"] >= NEWS_ALL_F1
    held_out = report["news_style_entities_heldout.txt"]["zhpolicy"]
    assert held_out["all"]["f1"] >= NEWS_HELD_OUT_ALL_F1
    assert report["news_style_persons_heldout.txt"]["zhpolicy"]["PER"]["r"] >= NEWS_PERSONS_PER_RECALL
    assert report["news_style_entities_blind.txt"]["zhpolicy"]["all"]["f1"] >= NEWS_BLIND_ALL_F1
    assert report["news_style_entities_final.txt"]["zhpolicy"]["all"]["f1"] >= NEWS_FINAL_ALL_F1
    assert report["news_style_entities_blind2.txt"]["zhpolicy"]["all"]["f1"] >= NEWS_BLIND2_ALL_F1


def test_news_style_sentences_in_traditional_characters(eval_script):
    # The sets rewritten in Traditional (opencc s2t): the same floors hold.
    _, report = eval_script("eval_news_style.py", "--traditional")
    assert report["news_style_entities.txt"]["zhpolicy"]["all"]["f1"] >= NEWS_ALL_F1
    assert report["news_style_entities_heldout.txt"]["zhpolicy"]["all"]["f1"] >= NEWS_HELD_OUT_ALL_F1
    assert report["news_style_entities_final.txt"]["zhpolicy"]["all"]["f1"] >= NEWS_FINAL_ALL_F1
