<?xml version="1.0" encoding="UTF-8"?>
<!--
  teikit: one TEI document (a "unit") → a plain-text reading edition, before wrapping.

  Contract with teikit (src/teikit/render/text.py), which an editor's own stylesheet must keep:
  * input and parameters as for tei-to-html.xsl (title, date; footnotes carry r:seq);
  * output: blocks separated by a blank line.  Inside a block, whitespace is not significant
    (teikit collapses it and wraps the block at the chosen width).  This stylesheet
    separates its blocks by U+FDD0 instead (a Unicode noncharacter, for internal use):
    then only U+FDD0 ends a block and line ends in the source's text need no rule of their
    own (a text() template run for every text node was a third of the transform);  A block may begin with a
    literal prefix ended by U+E000 ("  1. &#xE000;note text"): the prefix is kept as printed
    and wrapped lines are indented to its width (hanging indent for notes and list items);
  * a line of "=" ends the header block: what follows is the body, then the notes.
  The body follows the sources' own conventions, so that it reproduces the source text
  (speaker label and first paragraph on one line, "[Page N]", footnote numbers glued to the
  word they follow, the notes at the end as "  N. text").
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:r="urn:teikit:render"
    exclude-result-prefixes="tei r">

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="title" select="''"/>
  <xsl:param name="date" select="''"/>

  <xsl:variable name="BR" select="'&#xFDD0;'"/>
  <xsl:variable name="MARK" select="'&#xE000;'"/>
  <xsl:variable name="sourceBibl" select="(/*/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl | /*/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:p)[1]"/>

  <xsl:template match="/">
    <xsl:value-of select="$title"/>
    <xsl:value-of select="$BR"/>
    <xsl:if test="$date != ''"><xsl:value-of select="$date"/><xsl:value-of select="$BR"/></xsl:if>
    <xsl:if test="$sourceBibl">
      <xsl:text>Source: </xsl:text>
      <xsl:apply-templates select="$sourceBibl" mode="citation"/>
      <xsl:value-of select="$BR"/>
    </xsl:if>
    <xsl:text>========================================================================</xsl:text>
    <xsl:value-of select="$BR"/>
    <xsl:apply-templates select="/*/tei:text"/>
    <xsl:for-each select="/*/tei:text//tei:note[@r:seq]">
      <xsl:value-of select="$BR"/>
      <xsl:text>  </xsl:text><xsl:call-template name="note-n"/><xsl:text>. </xsl:text>
      <xsl:value-of select="$MARK"/>
      <xsl:apply-templates mode="note"/>
    </xsl:for-each>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- ============================================================ helpers -->

  <xsl:template name="note-n">
    <xsl:choose>
      <xsl:when test="normalize-space(@n) != ''"><xsl:value-of select="normalize-space(@n)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="@r:seq"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A block starts a new paragraph, except right after a speaker label: the source prints
       "R. REAGAN. The regional issues …" on one line. -->
  <xsl:template name="start">
    <xsl:if test="not(preceding-sibling::*[1]/self::tei:speaker)"><xsl:value-of select="$BR"/></xsl:if>
  </xsl:template>

  <!-- Text is copied as it is (the built-in rule): a line end inside the XML is a space
       to teikit's layout, and teikit has glued footnote markers to the word before them
       (see src/teikit/render/units.py, glue_footnotes). -->

  <!-- ============================================================ citation -->

  <xsl:template match="tei:textLang|tei:availability|tei:note" mode="citation"/>
  <xsl:template match="tei:idno[@type='URI' or @type='URL']" mode="citation">
    <xsl:text> &lt;</xsl:text><xsl:value-of select="normalize-space(.)"/><xsl:text>&gt;</xsl:text>
  </xsl:template>
  <xsl:template match="tei:bibl|tei:p" mode="citation"><xsl:text> </xsl:text><xsl:apply-templates mode="citation"/></xsl:template>
  <xsl:template match="*" mode="citation"><xsl:apply-templates mode="citation"/></xsl:template>

  <!-- ============================================================ blocks -->

  <xsl:template match="tei:p|tei:ab|tei:head|tei:l|tei:dateline|tei:salute|tei:signed
                       |tei:trailer|tei:byline|tei:docTitle|tei:docAuthor|tei:docDate|tei:docEdition|tei:castItem
                       |tei:argument/tei:p|tei:epigraph|tei:figDesc">
    <xsl:call-template name="start"/>
    <xsl:apply-templates/>
    <xsl:value-of select="$BR"/>
  </xsl:template>

  <xsl:template match="tei:speaker">
    <xsl:value-of select="$BR"/>
    <xsl:apply-templates/>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:stage[parent::tei:sp or parent::tei:div or parent::tei:body or parent::tei:lg
                       or parent::tei:front or parent::tei:back]">
    <xsl:call-template name="start"/>
    <xsl:apply-templates/>
    <xsl:value-of select="$BR"/>
  </xsl:template>

  <xsl:template match="tei:list">
    <xsl:value-of select="$BR"/>
    <xsl:apply-templates select="tei:head|tei:item"/>
    <xsl:value-of select="$BR"/>
  </xsl:template>
  <xsl:template match="tei:list/tei:head">
    <xsl:apply-templates/><xsl:value-of select="$BR"/>
  </xsl:template>
  <xsl:template match="tei:item">
    <xsl:value-of select="$BR"/><xsl:text>  • </xsl:text>
    <xsl:for-each select="preceding-sibling::*[1]/self::tei:label">
      <xsl:apply-templates/><xsl:text> </xsl:text>
    </xsl:for-each>
    <xsl:value-of select="$MARK"/>
    <xsl:apply-templates/>
  </xsl:template>
  <xsl:template match="tei:item/tei:p[1]"><xsl:apply-templates/></xsl:template>
  <xsl:template match="tei:item/tei:p[position() &gt; 1]">
    <xsl:value-of select="$BR"/><xsl:text>    </xsl:text><xsl:value-of select="$MARK"/><xsl:apply-templates/>
  </xsl:template>

  <!-- cells joined by " | ": the row knows which cell comes first (asking each cell
       whether a cell precedes it scanned the row once per cell) -->
  <xsl:template match="tei:row">
    <xsl:value-of select="$BR"/>
    <xsl:for-each select="tei:cell">
      <xsl:if test="position() &gt; 1"> | </xsl:if><xsl:apply-templates/>
    </xsl:for-each>
    <xsl:value-of select="$BR"/>
  </xsl:template>
  <xsl:template match="tei:cell">
    <xsl:if test="preceding-sibling::tei:cell[1]"> | </xsl:if><xsl:apply-templates/>
  </xsl:template>

  <!-- ============================================================ notes, page breaks -->

  <!-- a note the source printed no marker for (@anchored="false": its marker stood in a
       part the page text does not show) gets none here either: the text edition reproduces
       the source -->
  <xsl:template match="tei:note[@r:seq]" priority="2">
    <xsl:if test="not(@anchored = 'false')"><xsl:call-template name="note-n"/></xsl:if>
  </xsl:template>
  <xsl:template match="tei:note[parent::tei:div or parent::tei:body or parent::tei:sp]">
    <xsl:call-template name="start"/><xsl:apply-templates/><xsl:value-of select="$BR"/>
  </xsl:template>

  <xsl:template match="tei:p" mode="note"><xsl:apply-templates/><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="node()" mode="note"><xsl:apply-templates select="."/></xsl:template>

  <xsl:template match="tei:pb[normalize-space(@n) != '']">
    <xsl:variable name="marker">[Page <xsl:value-of select="normalize-space(@n)"/>]</xsl:variable>
    <xsl:choose>
      <xsl:when test="parent::tei:div or parent::tei:body or parent::tei:sp or parent::tei:lg
                      or parent::tei:front or parent::tei:back">
        <xsl:call-template name="start"/><xsl:value-of select="$marker"/><xsl:value-of select="$BR"/>
      </xsl:when>
      <xsl:otherwise><xsl:text> </xsl:text><xsl:value-of select="$marker"/><xsl:text> </xsl:text></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:pb|tei:cb|tei:milestone|tei:anchor|tei:graphic"/>
  <xsl:template match="tei:lb"><xsl:text> </xsl:text></xsl:template>

  <!-- ============================================================ editorial marks -->

  <xsl:template match="tei:gap">
    <xsl:choose>
      <xsl:when test="@rend"><xsl:value-of select="@rend"/></xsl:when>
      <xsl:when test="tei:desc">[<xsl:value-of select="normalize-space(tei:desc)"/>]</xsl:when>
      <xsl:otherwise>[…]</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:supplied|tei:seg[@type='original-term']">[<xsl:apply-templates/>]</xsl:template>
  <xsl:template match="tei:choice">
    <xsl:apply-templates select="(tei:corr|tei:reg|tei:expan|tei:sic|tei:orig|tei:abbr)[1]"/>
  </xsl:template>
  <xsl:template match="tei:del"/>

  <xsl:template match="tei:teiHeader|tei:standOff|tei:fw|comment()|processing-instruction()"/>
</xsl:stylesheet>
