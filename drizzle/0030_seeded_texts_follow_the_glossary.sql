-- The escalation matrix and help articles every installation starts with speak the glossary's words
-- (src/i18n/glossary.json): customers open "demandes" / "Anfragen" / "requests", the support team is
-- "le support" / "der Support" / "Customer Services" and never "consultants", and German criticality
-- definitions read as ticket-labels.ts writes them. Only texts still as seeded are rewritten: what
-- an administrator has edited is left alone.
UPDATE escalation_levels SET role_fr = $t$Votre interlocuteur au support$t$ WHERE position = 1 AND role_fr = $t$Consultant en charge du ticket$t$;--> statement-breakpoint
UPDATE escalation_levels SET role_de = $t$Ihre Ansprechperson im Support$t$ WHERE position = 1 AND role_de = $t$Zuständige Beraterin oder zuständiger Berater$t$;--> statement-breakpoint
UPDATE escalation_levels SET role_en = $t$Your contact at Customer Services$t$ WHERE position = 1 AND role_en = $t$Consultant handling the ticket$t$;--> statement-breakpoint
UPDATE escalation_levels SET contact_name = $t$Support$t$ WHERE position = 1 AND contact_name = $t$Service clients$t$;--> statement-breakpoint
UPDATE escalation_levels SET when_fr = $t$Toujours en premier : répondez dans la demande ou appelez le support en citant la clé de la demande.$t$
  WHERE position = 1 AND when_fr = $t$Toujours en premier : répondez dans le ticket ou appelez le Service clients en citant la clé du ticket.$t$;--> statement-breakpoint
UPDATE escalation_levels SET when_de = $t$Immer zuerst: Antworten Sie in der Anfrage oder rufen Sie den Support an und nennen Sie den Schlüssel der Anfrage.$t$
  WHERE position = 1 AND when_de = $t$Immer zuerst: Antworten Sie im Ticket oder rufen Sie den Kundendienst an und nennen Sie den Ticketschlüssel.$t$;--> statement-breakpoint
UPDATE escalation_levels SET when_en = $t$Always first: answer in the request or call Customer Services, quoting the request key.$t$
  WHERE position = 1 AND when_en = $t$Always first: answer in the ticket or call Customer Services, quoting the ticket key.$t$;--> statement-breakpoint
UPDATE escalation_levels SET role_fr = $t$Responsable du support$t$ WHERE position = 2 AND role_fr = $t$Responsable du Service clients$t$;--> statement-breakpoint
UPDATE escalation_levels SET role_de = $t$Leiterin oder Leiter Support$t$ WHERE position = 2 AND role_de = $t$Leiterin oder Leiter Kundendienst$t$;--> statement-breakpoint
UPDATE escalation_levels SET contact_name = $t$Direction du support$t$ WHERE position = 2 AND contact_name = $t$Responsable du Service clients$t$;--> statement-breakpoint
UPDATE escalation_levels SET when_fr = $t$Lorsqu'une demande Critique ou Haute n'est pas prise en charge dans le délai annoncé, ou qu'elle n'avance plus depuis plusieurs jours.$t$
  WHERE position = 2 AND when_fr = $t$Lorsqu'un ticket Critique ou Haute n'est pas pris en charge dans le délai annoncé, ou qu'il n'avance plus depuis plusieurs jours.$t$;--> statement-breakpoint
UPDATE escalation_levels SET when_de = $t$Wenn eine Anfrage mit Kritikalität Kritisch oder Hoch nicht innerhalb der zugesagten Frist übernommen wird oder seit mehreren Tagen nicht vorankommt.$t$
  WHERE position = 2 AND when_de = $t$Wenn ein Ticket mit Kritikalität Kritisch oder Hoch nicht innerhalb der zugesagten Frist übernommen wird oder seit mehreren Tagen nicht vorankommt.$t$;--> statement-breakpoint
UPDATE escalation_levels SET when_en = $t$When a Critical or High request is not taken in charge within the committed time, or has not moved for several days.$t$
  WHERE position = 2 AND when_en = $t$When a Critical or High ticket is not taken in charge within the committed time, or has not moved for several days.$t$;--> statement-breakpoint
-- Help article bodies: the sentences are replaced inside a body only while the whole body is the
-- seeded one (its MD5 below).
UPDATE help_article_translations t SET body = replace(replace(t.body,
    $t$notre Service clients$t$, $t$notre support$t$),
    $t$le consultant attend votre réponse$t$, $t$le support attend votre réponse$t$)
  FROM help_articles a WHERE a.id = t.article_id AND a.slug = 'utiliser-ce-portail' AND t.language = 'fr'
    AND md5(t.body) = '660f8d46451fbc86e943d4b6b12cfdb2';--> statement-breakpoint
UPDATE help_article_translations t SET body = replace(replace(t.body,
    $t$zu unserem Kundendienst$t$, $t$zu unserem Support$t$),
    $t$wartet die Beraterin oder der Berater auf Ihre Antwort$t$, $t$wartet der Support auf Ihre Antwort$t$)
  FROM help_articles a WHERE a.id = t.article_id AND a.slug = 'utiliser-ce-portail' AND t.language = 'de'
    AND md5(t.body) = '916272837826c6697a37d85ea3e54577';--> statement-breakpoint
UPDATE help_article_translations t SET body = replace(t.body,
    $t$the consultant waits for your answer$t$, $t$Customer Services wait for your answer$t$)
  FROM help_articles a WHERE a.id = t.article_id AND a.slug = 'utiliser-ce-portail' AND t.language = 'en'
    AND md5(t.body) = '18cbd2d516f480643dd3353db2b7de4c';--> statement-breakpoint
UPDATE help_article_translations t SET body = replace(t.body,
    $t$Nos consultants la vérifient à la qualification et peuvent$t$, $t$Le support la vérifie à la qualification et peut$t$)
  FROM help_articles a WHERE a.id = t.article_id AND a.slug = 'choisir-la-criticite' AND t.language = 'fr'
    AND md5(t.body) = 'e6b5c9dcc63f0535f3dfed1ef9147c5c';--> statement-breakpoint
UPDATE help_article_translations t SET body = replace(replace(replace(replace(replace(t.body,
    $t$Unsere Berater prüfen sie bei der Qualifizierung und können sie$t$, $t$Der Support prüft sie bei der Qualifizierung und kann sie$t$),
    $t$Es gibt eine einfache Umgehungslösung, oder es geht um Komfort.$t$, $t$Eine Umgehung ist einfach, oder es geht um mehr Komfort.$t$),
    $t$Eine Umgehungslösung existiert, ist aber schwierig und aufwendig.$t$, $t$Eine Umgehung ist möglich, aber schwierig und aufwendig.$t$),
    $t$Ein lebenswichtiger Prozess ist blockiert, ohne unmittelbares Risiko eines Umsatzverlusts.$t$, $t$Ein geschäftskritischer Prozess steht still, ohne unmittelbare Gefahr von Umsatzverlust.$t$),
    $t$Ein lebenswichtiger Prozess ist blockiert, ohne Umgehungslösung, mit dem Risiko eines Umsatzverlusts.$t$, $t$Ein geschäftskritischer Prozess steht still, es gibt keine Umgehung, und Ihrem Unternehmen droht Umsatzverlust.$t$)
  FROM help_articles a WHERE a.id = t.article_id AND a.slug = 'choisir-la-criticite' AND t.language = 'de'
    AND md5(t.body) = '2364fe139ed2c3547aba51d79c20f80b';--> statement-breakpoint
UPDATE help_article_translations t SET body = replace(t.body,
    $t$Our consultants check it$t$, $t$Customer Services check it$t$)
  FROM help_articles a WHERE a.id = t.article_id AND a.slug = 'choisir-la-criticite' AND t.language = 'en'
    AND md5(t.body) = 'bf8195df1968620295904161d69d495a';--> statement-breakpoint
UPDATE help_article_translations t SET body = replace(t.body,
    $t$notre Service clients$t$, $t$notre support$t$)
  FROM help_articles a WHERE a.id = t.article_id AND a.slug = 'joindre-un-fichier-journal' AND t.language = 'fr'
    AND md5(t.body) = 'd2564b073b3c2cdde3a0b52e46ef297b';--> statement-breakpoint
UPDATE help_article_translations t SET body = replace(t.body,
    $t$unser Kundendienst$t$, $t$unser Support$t$)
  FROM help_articles a WHERE a.id = t.article_id AND a.slug = 'joindre-un-fichier-journal' AND t.language = 'de'
    AND md5(t.body) = '48099692f2b3c6a919a80e346401cd51';
